package org.openkyc.core.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which autonomous system announces an address, from the CSV files of ip-location-db's {@code asn} package
 * ({@code first,last,asn,organisation}, addresses as literals or, for IPv4, as numbers). Ranges are held in sorted
 * arrays and found by binary search.
 */
public final class AsnTable {

    /** The network an address belongs to. */
    public record Entry(long asn, String organisation) {}

    // Each address as 128 bits (IPv4 as its IPv4-mapped IPv6 address), high and low halves compared unsigned.
    private final long[] startHigh;
    private final long[] startLow;
    private final long[] endHigh;
    private final long[] endLow;
    private final long[] asns;
    private final String[] organisations;

    private AsnTable(List<Row> rows) {
        rows.sort((a, b) -> compare(a.start[0], a.start[1], b.start[0], b.start[1]));
        int n = rows.size();
        startHigh = new long[n];
        startLow = new long[n];
        endHigh = new long[n];
        endLow = new long[n];
        asns = new long[n];
        organisations = new String[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            startHigh[i] = row.start[0];
            startLow[i] = row.start[1];
            endHigh[i] = row.end[0];
            endLow[i] = row.end[1];
            asns[i] = row.asn;
            organisations[i] = row.organisation;
        }
    }

    private record Row(long[] start, long[] end, long asn, String organisation) {}

    /** Reads the given CSV files; a missing file is skipped. */
    public static AsnTable load(List<Path> files) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                continue;
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    Row row = row(line, names);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
        }
        return new AsnTable(rows);
    }

    public int size() {
        return asns.length;
    }

    public Optional<Entry> find(InetAddress address) {
        long[] key = key(address.getAddress());
        int low = 0;
        int high = asns.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (compare(startHigh[mid], startLow[mid], key[0], key[1]) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        if (found < 0 || compare(endHigh[found], endLow[found], key[0], key[1]) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Entry(asns[found], organisations[found]));
    }

    private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int high = Long.compareUnsigned(aHigh, bHigh);
        return high != 0 ? high : Long.compareUnsigned(aLow, bLow);
    }

    private static @Nullable Row row(String line, Map<String, String> names) {
        String[] parts = line.split(",", 4);
        if (parts.length < 4) {
            return null;
        }
        try {
            String organisation = parts[3].strip();
            if (organisation.length() >= 2 && organisation.startsWith("\"") && organisation.endsWith("\"")) {
                organisation =
                        organisation.substring(1, organisation.length() - 1).replace("\"\"", "\"");
            }
            return new Row(
                    address(parts[0]),
                    address(parts[1]),
                    Long.parseLong(parts[2].strip()),
                    names.computeIfAbsent(organisation, o -> o));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** IPv4 addresses count as their IPv4-mapped IPv6 addresses. */
    private static long[] address(String text) {
        String value = text.strip();
        if (value.matches("\\d+")) {
            return new long[] {0, MAPPED | Long.parseLong(value)};
        }
        if (!value.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an address: " + value);
        }
        try {
            return key(InetAddress.getByName(value).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final long MAPPED = 0xffffL << 32;

    private static long[] key(byte[] bytes) {
        if (bytes.length == 4) {
            return new long[] {0, MAPPED | (ByteBuffer.wrap(bytes).getInt() & 0xffffffffL)};
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new long[] {buffer.getLong(), buffer.getLong()};
    }
}
