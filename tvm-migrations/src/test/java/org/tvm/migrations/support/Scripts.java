package org.tvm.migrations.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tvm.migrations.Vendor;

/**
 * The versioned scripts of a vendor's migration set, read from the classpath folder: tests compare what Flyway applied
 * against the files themselves, so adding a migration does not mean editing a hand-kept list of versions.
 */
public final class Scripts {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:_\\d+)*)__(.+)\\.sql");

    /** One versioned script: Flyway's version text (e.g. {@code "13.1"}) and description. */
    public record Script(String version, String description, List<Integer> versionParts) {
    }

    private Scripts() {
    }

    /** @return the vendor's versioned scripts in version order */
    public static List<Script> of(Vendor vendor) {
        URL folder = Scripts.class.getClassLoader().getResource(vendor.location());
        if (folder == null) {
            throw new IllegalStateException("migration folder not on the classpath: " + vendor.location());
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> new Script(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '),
                            Stream.of(m.group(1).split("_")).map(Integer::valueOf).toList()))
                    .sorted(Comparator.comparing(Script::versionParts, Scripts::compareParts))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the versions of {@link #of(Vendor)}, in order */
    public static List<String> versions(Vendor vendor) {
        return of(vendor).stream().map(Script::version).toList();
    }

    /** @return the descriptions of {@link #of(Vendor)}, in order */
    public static List<String> descriptions(Vendor vendor) {
        return of(vendor).stream().map(Script::description).toList();
    }

    /** @return the newest version of the vendor's set */
    public static String latest(Vendor vendor) {
        List<String> versions = versions(vendor);
        return versions.get(versions.size() - 1);
    }

    private static int compareParts(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
