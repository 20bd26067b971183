package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Unpacks an uploaded ZIP archive into a fresh folder, within the {@link Limits}: at most
 * {@link Limits#maxZipEntries()} entries and {@link Limits#maxDecompressedBytes()} inflated bytes in all, the bytes
 * counted as they inflate (an entry's declared size is the sender's word and proves nothing). An entry whose name
 * would leave the folder ({@code ../x}, an absolute path, a drive letter) refuses the whole archive rather than
 * being skipped: it can only be an attack.
 */
final class ZipUploads {

    private ZipUploads() {}

    /**
     * @return the folder holding the archive's files; the caller deletes it
     * @throws ListFormatException for a limit passed, a name leaving the folder, or a corrupt or cut-off archive
     */
    static Path extract(Path zip, Limits limits) throws IOException {
        String name = zip.getFileName().toString();
        Path target = Files.createTempDirectory("openkyc-list-");
        try (ZipInputStream in =
                new ZipInputStream(ListInput.limited(Files.newInputStream(zip), limits.maxFileBytes(), name))) {
            InputStream inflated = ListInput.limited(in, limits.maxDecompressedBytes(), name);
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > limits.maxZipEntries()) {
                    throw new ListFormatException(
                            name + " holds more than " + limits.maxZipEntries() + " entries, the limit");
                }
                Path file = inside(target, entry.getName(), name);
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    inflated.transferTo(out);
                }
            }
            if (entries == 0) {
                throw new ListFormatException(name + " is an empty ZIP archive");
            }
            return target;
        } catch (ZipException | java.io.EOFException e) {
            delete(target);
            throw new ListFormatException(name + ": the ZIP archive is corrupt or cut off (" + e.getMessage() + ")", e);
        } catch (IOException | RuntimeException e) {
            delete(target);
            throw e;
        }
    }

    private static Path inside(Path target, String entry, String zip) throws ListFormatException {
        String normal = entry.replace('\\', '/');
        boolean escapes =
                normal.startsWith("/") || normal.matches("(?i)^[a-z]:.*") || ("/" + normal + "/").contains("/../");
        Path file = target.resolve(normal).normalize();
        if (escapes || !file.startsWith(target) || file.equals(target)) {
            throw new ListFormatException(zip + " holds an entry named " + entry
                    + ", which would be written outside the archive's folder: refused");
        }
        return file;
    }

    /** Deletes a folder {@link #extract} made, with everything in it. */
    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static boolean isXml(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml");
    }
}
