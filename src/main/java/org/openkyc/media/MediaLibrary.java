package org.openkyc.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.OpenKycSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applicants' media: checked by {@link UploadChecks}, stored encrypted in the {@link BlobStore}, described in the
 * database. For the modules that run steps with uploads.
 */
@Service
public class MediaLibrary {

    /** The largest upload taken, in bytes. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** The most pixels an image may have (about a 40-megapixel photo). */
    public static final long MAX_PIXELS = 40_000_000L;

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final ApplicantDataKeys applicantKeys;
    private final Clock clock;

    MediaLibrary(
            JdbcClient jdbc,
            ObjectProvider<BlobStore> blobs,
            OpenKycSettings settings,
            DataKeys keys,
            ApplicantDataKeys applicantKeys,
            Clock clock) {
        this.jdbc = jdbc;
        this.applicantKeys = applicantKeys;
        this.blobs = blobs.getIfAvailable(() -> new EncryptedFileBlobStore(settings, keys));
        this.clock = clock;
    }

    /**
     * Checks and stores an upload for an applicant.
     *
     * @throws InvalidInputException naming why it was refused ({@code tooLarge}, {@code unsupportedType},
     *     {@code tooManyPixels}, {@code unreadable})
     */
    @Transactional
    public MediaItem store(
            CompanyId company, UUID applicant, String purpose, byte[] data, Set<UploadChecks.Kind> allowed) {
        UploadChecks.Checked checked;
        try {
            checked = UploadChecks.check(data, allowed, MAX_BYTES, MAX_PIXELS);
        } catch (UploadChecks.Refused e) {
            throw InvalidInputException.of("file", e.code(), String.valueOf(e.getMessage()));
        }
        byte[] applicantKey = applicantKeys
                .key(company, applicant)
                .orElseThrow(() -> InvalidInputException.of("file", "erased", "the applicant's data was erased"));
        String key = blobs.put(company, ApplicantDataKeys.encrypt(applicantKey, applicant, checked.bytes()));
        MediaItem item = new MediaItem(
                UUID.randomUUID(),
                applicant,
                purpose,
                checked.kind().contentType(),
                checked.bytes().length,
                checked.width(),
                checked.height(),
                sha256(checked.bytes()),
                clock.instant());
        jdbc.sql("""
                        INSERT INTO media_item (id, company_id, applicant_id, purpose, content_type, size_bytes, width,
                          height, sha256, blob_key, created_at, applicant_key)
                        VALUES (:id, :company, :applicant, :purpose, :type, :size, :width, :height, :sha, :key, :at,
                          TRUE)
                        """)
                .param("id", item.id())
                .param("company", company.value())
                .param("applicant", applicant)
                .param("purpose", purpose)
                .param("type", item.contentType())
                .param("size", item.sizeBytes())
                .param("width", item.width())
                .param("height", item.height())
                .param("sha", item.sha256())
                .param("key", key)
                .param("at", Timestamp.from(item.createdAt()))
                .update();
        return item;
    }

    /** A company's media item, described. */
    public Optional<MediaItem> item(CompanyId company, UUID id) {
        return jdbc.sql("""
                        SELECT id, applicant_id, purpose, content_type, size_bytes, width, height, sha256, created_at
                        FROM media_item WHERE id = :id AND company_id = :company
                        """)
                .param("id", id)
                .param("company", company.value())
                .query((r, n) -> new MediaItem(
                        r.getObject("id", UUID.class),
                        r.getObject("applicant_id", UUID.class),
                        r.getString("purpose"),
                        r.getString("content_type"),
                        r.getLong("size_bytes"),
                        (Integer) r.getObject("width"),
                        (Integer) r.getObject("height"),
                        r.getString("sha256"),
                        r.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /** An applicant's media items, oldest first. */
    public List<MediaItem> items(CompanyId company, UUID applicant) {
        return jdbc
                .sql("""
                        SELECT id FROM media_item WHERE company_id = :company AND applicant_id = :applicant
                        ORDER BY created_at, id
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query(UUID.class)
                .list()
                .stream()
                .flatMap(id -> item(company, id).stream())
                .toList();
    }

    /** An applicant's newest media item for a purpose, if any. */
    public Optional<MediaItem> latest(CompanyId company, UUID applicant, String purpose) {
        return jdbc.sql("""
                        SELECT id FROM media_item
                        WHERE company_id = :company AND applicant_id = :applicant AND purpose = :purpose
                        ORDER BY created_at DESC, id LIMIT 1
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .param("purpose", purpose)
                .query(UUID.class)
                .optional()
                .flatMap(id -> item(company, id));
    }

    /**
     * The stored bytes of a company's media item. Items stored before applicants had keys of their own are under the
     * company's key only.
     */
    public Optional<byte[]> content(CompanyId company, UUID id) {
        return jdbc.sql("""
                        SELECT blob_key, applicant_id, applicant_key FROM media_item
                        WHERE id = :id AND company_id = :company
                        """)
                .param("id", id)
                .param("company", company.value())
                .query((r, n) -> new Stored(
                        r.getString("blob_key"),
                        r.getObject("applicant_id", UUID.class),
                        r.getBoolean("applicant_key")))
                .optional()
                .flatMap(stored -> blobs.get(company, stored.key())
                        .flatMap(bytes -> stored.applicantKey()
                                ? applicantKeys
                                        .existing(stored.applicant())
                                        .map(key -> ApplicantDataKeys.decrypt(key, stored.applicant(), bytes))
                                : Optional.of(bytes)));
    }

    private record Stored(String key, UUID applicant, boolean applicantKey) {}

    /**
     * Erases every media item of an applicant: the rows at once, the encrypted files once the transaction commits (so
     * a rolled-back erasure leaves everything as it was). Answers how many items were erased.
     */
    @Transactional
    public int eraseApplicant(CompanyId company, UUID applicant) {
        List<String> keys = jdbc.sql("""
                        DELETE FROM media_item WHERE company_id = :company AND applicant_id = :applicant
                        RETURNING blob_key
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query(String.class)
                .list();
        Runnable deleteFiles = () -> keys.forEach(key -> blobs.delete(company, key));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteFiles.run();
                }
            });
        } else {
            deleteFiles.run();
        }
        return keys.size();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
