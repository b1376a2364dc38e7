package org.tvm.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet of every README is compiled, tested code: it must equal either a whole source file or a region
 * between {@code // tag::name[]} and {@code // end::name[]} of one (compared line by line after removing the common
 * indentation and trailing blanks). Sources are every module's {@code src} tree and the consumer integration test,
 * which the build compiles and runs.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\\n(.*?)^```");
    private static final Pattern TAG = Pattern.compile("(?ms)^[ \\t]*// tag::([\\w-]+)\\[]\\n(.*?)^[ \\t]*// end::\\1\\[]");

    @Test
    void everyJavaSnippetInAReadmeIsCompiledCode() throws IOException {
        List<String> sources = sources();
        List<Path> readmes = readmes();
        assertThat(readmes).contains(ROOT.resolve("README.md"), ROOT.resolve("tvm-testkit/README.md"));
        int snippets = 0;
        List<String> orphans = new ArrayList<>();
        for (Path readme : readmes) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(readme));
            while (block.find()) {
                snippets++;
                String snippet = normalise(block.group(1));
                if (!sources.contains(snippet)) {
                    orphans.add(ROOT.relativize(readme) + ":\n" + snippet);
                }
            }
        }
        assertThat(snippets).as("README Java snippets found").isGreaterThanOrEqualTo(5);
        assertThat(orphans).as("README snippets that are not (a tagged region of) a compiled source file").isEmpty();
    }

    @Test
    void aChangedSnippetIsNoticed() throws IOException {
        List<String> sources = sources();
        String real = sources.stream().filter(s -> s.contains("public final class RideRequests {")).findFirst().orElseThrow();
        assertThat(real).contains("MissionPriority.NORMAL");
        assertThat(sources.contains(real.replace("MissionPriority.NORMAL", "MissionPriority.HIGH")))
                .as("a README snippet differing from its source in one word is not accepted").isFalse();
    }

    private static List<Path> readmes() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("README.md"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/."))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** Whole files and tagged regions of every Java source the build compiles, normalised. */
    private static List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/") && !p.toString().contains("/target/")).toList()) {
                String text = Files.readString(file);
                sources.add(normalise(text));
                Matcher tag = TAG.matcher(text);
                while (tag.find()) {
                    sources.add(normalise(tag.group(2)));
                }
            }
        }
        return sources;
    }

    /** Without the common indentation, trailing blanks and surrounding empty lines. */
    static String normalise(String text) {
        List<String> lines = text.replace("\r", "").lines().map(l -> l.replaceAll("\\s+$", "")).collect(Collectors.toList());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return lines.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
