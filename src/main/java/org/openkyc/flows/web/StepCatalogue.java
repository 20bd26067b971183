package org.openkyc.flows.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the flow builder needs to draw a settings panel for every step: each setting's name and kind, read from
 * the settings records themselves, and the defaults a new step starts with.
 */
final class StepCatalogue {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One setting: its name, its kind (boolean, integer, choice, choices, countries, text) and its choices. */
    record Field(String name, String kind, List<String> options) {}

    /** One step type: its settings and their defaults. */
    record Entry(StepType type, List<Field> fields, Map<String, Object> defaults) {}

    /** Read once: the settings records do not change while OpenKYC runs. */
    static final List<Entry> ENTRIES = entries();

    private StepCatalogue() {}

    private static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (StepType type : StepType.values()) {
            Class<? extends StepSettings> settings = type.settingsType();
            List<Field> fields = new ArrayList<>();
            for (RecordComponent component : settings.getRecordComponents()) {
                fields.add(field(component));
            }
            entries.add(new Entry(type, fields, defaults(settings)));
        }
        return List.copyOf(entries);
    }

    private static Field field(RecordComponent component) {
        Class<?> raw = component.getType();
        String name = component.getName();
        if (raw == Boolean.class) {
            return new Field(name, "boolean", List.of());
        }
        if (raw == Integer.class) {
            return new Field(name, "integer", List.of());
        }
        if (raw.isEnum()) {
            return new Field(name, "choice", constants(raw));
        }
        if (component.getGenericType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementClass && elementClass.isEnum()) {
                return new Field(name, "choices", constants(elementClass));
            }
            return new Field(name, "countries", List.of());
        }
        return new Field(name, "text", List.of());
    }

    private static List<String> constants(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .toList();
    }

    /** The settings a step gets when every field is left out. */
    private static Map<String, Object> defaults(Class<? extends StepSettings> settings) {
        Object empty = JSON.convertValue(Map.of(), settings);
        Map<String, Object> values = JSON.convertValue(empty, new TypeReference<LinkedHashMap<String, Object>>() {});
        return values == null ? Map.of() : values;
    }
}
