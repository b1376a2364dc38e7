package org.tvm.examples.rides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's Spring Boot section quotes this app's configuration and service verbatim (the marked regions). */
class ReadmeSnippetsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();

    private static String region(Path file, String name) throws IOException {
        String text = Files.readString(file);
        // properties mark regions with "--8<--" lines, Java sources with the tag comments the root README check reads
        int open = text.indexOf("--8<-- [start:" + name + "]");
        int close = text.indexOf("--8<-- [end:" + name + "]");
        if (open < 0) {
            open = text.indexOf("// tag::" + name + "[]");
            close = text.indexOf("// end::" + name + "[]");
        }
        int start = text.indexOf('\n', open) + 1;
        int end = text.lastIndexOf('\n', close) + 1;
        assertThat(start).as("region %s of %s", name, file).isPositive();
        assertThat(end).as("region %s of %s", name, file).isGreaterThan(start);
        return text.substring(start, end);
    }

    private static String unindented(String code) {
        return code.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l).reduce("", (a, l) -> a + l + "\n");
    }

    @Test
    void theReadmeQuotesTheConfigurationAndTheServiceAsTheyAre() throws IOException {
        String readme = Files.readString(MODULE.resolve("../../README.md").normalize());
        Path properties = MODULE.resolve("src/main/resources/application.properties");
        Path service = MODULE.resolve("src/main/java/org/tvm/examples/rides/RideRequestService.java");

        assertThat(readme).contains("```properties\n" + region(properties, "config") + "```");
        assertThat(readme).contains("```properties\n" + region(properties, "flyway") + "```");
        assertThat(readme).contains("```java\n" + unindented(region(service, "service")) + "```");
    }
}
