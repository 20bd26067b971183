package org.openkyc.screening.lists;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of an uploaded file, within its {@link Limits}: gzip is inflated (and counted, so a small file that
 * inflates past the limit is refused), a UTF-8 byte order mark is dropped, and a cut-off or corrupt gzip stream ends
 * in a {@link ListFormatException} naming the file rather than in a short read.
 *
 * <p>Text is decided per format: CSV that is not valid UTF-8 is taken as Windows-1252, the encoding of OFAC's legacy
 * files and of most spreadsheets saved on Windows; JSON, YAML and JSON lines must be valid UTF-8 and are refused at
 * the first invalid byte, named by its offset and line (XML declares its own encoding and the XML parser checks it).
 */
final class ListInput {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The most text read into memory at once, for the formats that are not streamed (Java arrays stop at 2 GiB). */
    private static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 64;

    private ListInput() {}

    /** Whether the file starts as a gzip stream does. */
    static boolean gzip(Path file) throws IOException {
        byte[] magic = magic(file);
        return magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    }

    /** Whether the file starts as a ZIP archive does (a local file header, or the end record of an empty one). */
    static boolean zip(Path file) throws IOException {
        byte[] magic = magic(file);
        return magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5);
    }

    private static byte[] magic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }

    /**
     * The file's content, inflated when it is gzip, without a byte order mark.
     *
     * @throws ListFormatException when the file is larger than {@link Limits#maxFileBytes()}, or later when reading
     *     passes {@link Limits#maxDecompressedBytes()} or meets a cut-off gzip stream
     */
    static InputStream open(Path file, Limits limits) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new ListFormatException(
                    name + " is " + size + " bytes, more than the limit of " + limits.maxFileBytes());
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        if (!gzip(file)) {
            return withoutBom(limited(raw, limits.maxFileBytes(), name));
        }
        try {
            return withoutBom(
                    limited(guarded(new GZIPInputStream(raw, 65536), name), limits.maxDecompressedBytes(), name));
        } catch (IOException e) {
            raw.close();
            throw new ListFormatException(name + ": not a readable gzip file: " + e.getMessage(), e);
        }
    }

    /** The whole content as bytes, for formats read at once. */
    static byte[] bytes(Path file, Limits limits) throws IOException {
        try (InputStream in = open(file, limits)) {
            byte[] all = in.readNBytes((int) Math.min(MAX_IN_MEMORY, limits.maxDecompressedBytes()) + 1);
            if (all.length > MAX_IN_MEMORY) {
                throw new ListFormatException(file.getFileName() + " is too large to read at once");
            }
            return all;
        }
    }

    /** CSV text: UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
    static String csvText(byte[] bytes) {
        try {
            return strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /**
     * Text that must be UTF-8.
     *
     * @param firstLine the line the bytes start at, and {@code offset} their offset in the file, for the message
     * @throws ListFormatException naming the offset and line of the first byte that is not UTF-8
     */
    static String utf8(byte[] bytes, String what, int firstLine, long offset) throws ListFormatException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            return strict(StandardCharsets.UTF_8).decode(buffer).toString();
        } catch (CharacterCodingException e) {
            // the decoder stops with the buffer at the malformed sequence
            int at = buffer.position();
            int line = firstLine;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ListFormatException(
                    what + " line " + line + " (byte offset " + (offset + at) + ") is not valid UTF-8", e);
        }
    }

    private static java.nio.charset.CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A stream that refuses to yield more than {@code max} bytes: the guard against zip bombs. */
    static InputStream limited(InputStream in, long max, String what) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                count(skipped);
                return skipped;
            }

            private void count(long n) throws ListFormatException {
                count += n;
                if (count > max) {
                    throw new ListFormatException(what + " inflates to more than " + max
                            + " bytes, the limit: refused as a possible zip bomb");
                }
            }
        };
    }

    /** Turns the gzip stream's own errors (cut off, corrupt) into a refusal naming the file. */
    static InputStream guarded(InputStream in, String what) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (EOFException | ZipException e) {
                    throw broken(e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (EOFException | ZipException e) {
                    throw broken(e);
                }
            }

            private ListFormatException broken(IOException e) {
                return new ListFormatException(
                        what + ": the compressed data is cut off or corrupt (" + e.getMessage() + ")", e);
            }
        };
    }

    static InputStream withoutBom(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 3);
        byte[] head = pushback.readNBytes(3);
        boolean bom =
                head.length == 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb && (head[2] & 0xff) == 0xbf;
        if (!bom) {
            pushback.unread(head);
        }
        return pushback;
    }
}
