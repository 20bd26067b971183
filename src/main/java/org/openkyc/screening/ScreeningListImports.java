package org.openkyc.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.core.Permission;
import org.openkyc.screening.lists.ImportedList;
import org.openkyc.screening.lists.Limits;
import org.openkyc.screening.lists.ListFormatException;
import org.openkyc.screening.lists.ListImports;
import org.openkyc.screening.matching.ListEntity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Lists an operator brings: a file uploaded on the Screening lists page or the API, or named to {@code lists import}.
 * The file is kept aside (at most {@code openkyc.screening.max-import-bytes}), read by its content, and stored as its
 * list's new version, which every instance takes within seconds. A file that cannot be read changes nothing: its
 * attempt is recorded with the reason, and the reason is answered.
 */
@Service
public class ScreeningListImports {

    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path work;
    private final ScreeningSettings settings;
    private final ListVersions versions;
    private final ScreeningLists lists;

    ScreeningListImports(
            OpenKycSettings openKyc, ScreeningSettings settings, ListVersions versions, ScreeningLists lists) {
        this.work = openKyc.dataDir().resolve("list-imports");
        this.settings = settings;
        this.versions = versions;
        this.lists = lists;
    }

    /** Imports a file for a user who may manage the company; lists are the installation's, shared by every company. */
    public ListVersion importFile(Actor actor, String fileName, InputStream content, @Nullable String source) {
        actor.require(Permission.COMPANY);
        return importFile(fileName, content, source);
    }

    /** Imports a file without a user: the {@code lists import} command. */
    public ListVersion importFile(String fileName, InputStream content, @Nullable String source) {
        String given =
                source == null || source.isBlank() ? null : source.strip().toLowerCase(Locale.ROOT);
        if (given != null && !SOURCE.matcher(given).matches()) {
            throw InvalidInputException.of(
                    "source", "pattern", "must be 1 to 64 lower-case letters, digits, dots, dashes or underscores");
        }
        String name = safeName(fileName);
        Path folder = work.resolve(UUID.randomUUID().toString());
        String origin = "import:" + name;
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            copy(content, file, name);
            ImportedList read = ListImports.read(file, limits(), null, null);
            // the entities keep their publisher's source whatever the list is named, so their keys (and the
            // decisions reviewers took on them) are the same as a download's
            String list = given != null ? given : defaultSource(read.entities());
            versions.store(
                    list,
                    origin,
                    read.format().ownList() ? ListKind.OWN : ListKind.of(read.entities()),
                    read.format().name(),
                    read.published(),
                    read.entities());
            lists.sync();
            return lists.coverage().lists().stream()
                    .filter(v -> v.source().equals(list))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException) {
                throw (InvalidInputException) e;
            }
            boolean tooLarge = e.getMessage() != null && e.getMessage().contains("larger than");
            String problem = e instanceof ListFormatException || tooLarge
                    ? e.getMessage()
                    : name + " cannot be read: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage());
            versions.refuse(given != null ? given : "import", origin, problem);
            throw new ListNotReadableException(
                    problem + ". The lists in use are unchanged.",
                    tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT);
        } finally {
            FileSystemUtils.deleteRecursively(folder.toFile());
        }
    }

    /** The limits an import is read within: the configured size, for the file and what it inflates to. */
    Limits limits() {
        return new Limits(settings.maxImportBytes(), settings.maxImportBytes(), 100, Limits.DEFAULT.maxEntities());
    }

    /** The list a file fills when no source is given: its publisher's, so an import replaces what a download would. */
    static String defaultSource(List<ListEntity> entities) {
        return entities.getFirst().source().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void copy(InputStream content, Path file, String name) throws IOException {
        long max = settings.maxImportBytes();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = content;
                OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > max) {
                    throw new ListFormatException(name + " is larger than " + max + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new ListFormatException(name + " is empty");
        }
    }

    /** The upload's own name, reduced to its last part and harmless characters; the format is read from content. */
    private static String safeName(String fileName) {
        String last = fileName.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        last = last.replaceAll("[^a-z0-9._-]", "_");
        return last.isBlank() || last.startsWith(".") ? "list" : last;
    }
}
