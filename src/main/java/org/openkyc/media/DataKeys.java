package org.openkyc.media;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openkyc.core.CompanyId;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.crypto.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each company's 256-bit data key, made on first use and stored only wrapped by the master key. Destroying a
 * company's row makes every file encrypted with it unreadable.
 */
@Component
class DataKeys {

    private static final String PURPOSE = "media.data_key";

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;
    private final Map<CompanyId, byte[]> cache = new ConcurrentHashMap<>();

    DataKeys(JdbcClient jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    byte[] of(CompanyId company) {
        return cache.computeIfAbsent(company, this::load).clone();
    }

    private byte[] load(CompanyId company) {
        jdbc.sql("""
                        INSERT INTO media_data_key (company_id, wrapped_key, created_at) VALUES (:company, :key, :now)
                        ON CONFLICT (company_id) DO NOTHING
                        """)
                .param("company", company.value())
                .param("key", box.seal(Base64.getEncoder().encodeToString(Tokens.randomBytes(32)), PURPOSE))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        String wrapped = jdbc.sql("SELECT wrapped_key FROM media_data_key WHERE company_id = :company")
                .param("company", company.value())
                .query(String.class)
                .single();
        return Base64.getDecoder().decode(box.open(wrapped, PURPOSE));
    }
}
