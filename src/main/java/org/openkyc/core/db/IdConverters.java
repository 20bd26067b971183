package org.openkyc.core.db;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.convert.converter.GenericConverter.ConvertiblePair;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;

/**
 * The pair of converters that store one identifier record as a UUID column. A module declares one bean
 * of this type per identifier it persists.
 */
public record IdConverters(List<GenericConverter> converters) {

    public static <T> IdConverters of(Class<T> type, Function<T, UUID> toUuid, Function<UUID, T> fromUuid) {
        return new IdConverters(List.of(
                new Writer(new ConvertiblePair(type, UUID.class), source -> toUuid.apply(type.cast(source))),
                new Reader(new ConvertiblePair(UUID.class, type), source -> fromUuid.apply((UUID) source))));
    }

    @WritingConverter
    record Writer(ConvertiblePair pair, Function<Object, Object> function) implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(pair);
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : function.apply(source);
        }
    }

    @ReadingConverter
    record Reader(ConvertiblePair pair, Function<Object, Object> function) implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(pair);
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : function.apply(source);
        }
    }
}
