package org.tvm.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.tvm.examples.demo.FacilityDaySimulation;

/**
 * The demo's progress bar on stderr, plain ASCII. On a terminal it redraws one line in place with {@code \r};
 * otherwise (a pipe, a log file, CI) it prints a line at 0, 25, 50, 75 and 100 percent.
 */
final class ProgressBar implements FacilityDaySimulation.ProgressListener {

    private static final int WIDTH = 30;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final PrintWriter err;
    private final boolean interactive;
    private int lastQuarter = -1;
    private int lastPercent = -1;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public void onProgress(FacilityDaySimulation.Progress p) {
        int percent = (int) Math.floor(p.fraction() * 100);
        if (interactive) {
            long nowMillis = System.currentTimeMillis();
            boolean last = p.minutesDone() == p.minutesTotal();
            if (percent == lastPercent && nowMillis - lastDraw < 100 && !last) {
                return;
            }
            lastPercent = percent;
            lastDraw = nowMillis;
            String text = render(p, percent);
            err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            lastLength = text.length();
            err.flush();
        } else {
            int quarter = percent / 25;
            if (quarter != lastQuarter) {
                lastQuarter = quarter;
                err.println(render(p, percent));
                err.flush();
            }
        }
    }

    /** Ends the bar's line (on a terminal). */
    void finish() {
        if (interactive && lastLength > 0) {
            err.println();
            err.flush();
        }
    }

    private static String render(FacilityDaySimulation.Progress p, int percent) {
        int filled = (int) Math.round(p.fraction() * WIDTH);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %s UTC  missions: %d/%d requested, %d finished",
                "#".repeat(filled), "-".repeat(WIDTH - filled), percent, CLOCK.format(p.simulatedNow()),
                p.missionsRequested(), p.missionsPlanned(), p.missionsFinished());
    }

    /** True when this process's stderr is a terminal (Linux: /proc/self/fd/2; elsewhere: an attached console). */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (Files.exists(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception ignored) {
            // fall through
        }
        return System.console() != null;
    }
}
