package org.tvm.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tvm.examples.demo.DayReport;
import org.tvm.examples.demo.FacilityDaySimulation;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** The printed report (on the in-memory adapter): every section, aligned tables, plain ASCII. */
class DayReportPrinterTest {

    @Test
    void printsTheDashboardTimelineNumbersAndTimings() {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        DayReport report = new FacilityDaySimulation(store, store.administration(), new FacilityDaySimulation.Config(
                4, 12, 30, 2, 7L, Instant.parse("2030-03-12T06:00:00Z"), "Test Campus")).run();
        StringWriter text = new StringWriter();
        new DayReportPrinter(new PrintWriter(text, true)).print(report, "in-memory", "the heap");
        String out = text.toString();
        System.out.println(out);

        assertThat(out).contains("ACTIVE MISSIONS", "FLEET STATUS", "MISSION TIMELINE", "THE DAY IN NUMBERS",
                "WALL-CLOCK COST", "TVM-01", "created", "dropoff_completed", "completed", "seed 7",
                "KPIs", "COMPLETION", "WAIT P95 s", "UTILISATION", "CHARGING min");
        assertThat(report.missionKpis().stream().mapToLong(k -> k.requested()).sum()).isEqualTo(report.missionsRequested());
        assertThat(report.fleetKpis()).hasSize(4);
        assertThat(out.chars().allMatch(ch -> ch == '\n' || ch == '\r' || ch >= 32 && ch < 127 || Character.isLetter(ch)))
                .as("plain text").isTrue();
        String header = out.lines().filter(l -> l.contains("VEHICLE") && l.contains("CONNECTIVITY")).findFirst().orElseThrow();
        int column = header.indexOf("CONNECTIVITY");
        String fleetSection = out.substring(out.indexOf("FLEET STATUS"), out.indexOf("THE DAY IN NUMBERS"));
        assertThat(fleetSection.lines().filter(l -> l.startsWith("  TVM-0"))).allSatisfy(line ->
                assertThat(line.substring(column)).matches("(online|offline) .*"));
    }

    @Test
    void progressBarDrawsInPlaceOnATerminalAndAFewLinesOtherwise() {
        StringWriter terminal = new StringWriter();
        StringWriter pipe = new StringWriter();
        ProgressBar onTerminal = new ProgressBar(new PrintWriter(terminal), true);
        ProgressBar onPipe = new ProgressBar(new PrintWriter(pipe), false);
        Instant start = Instant.parse("2030-03-12T06:00:00Z");
        for (int minute = 0; minute <= 120; minute++) {
            var p = new FacilityDaySimulation.Progress(start.plusSeconds(60L * minute), minute, 120, minute / 4, minute / 5, 30);
            onTerminal.onProgress(p);
            onPipe.onProgress(p);
        }
        onTerminal.finish();
        onPipe.finish();
        assertThat(terminal.toString()).startsWith("\r[").contains("100%").endsWith(System.lineSeparator())
                .doesNotContain("\n[");
        assertThat(pipe.toString().lines()).hasSize(5).allMatch(l -> l.startsWith("[") && !l.contains("\r"));
        assertThat(pipe.toString().lines().reduce((a, b) -> b).orElseThrow()).contains("100%", "08:00 UTC", "30/30");
    }
}
