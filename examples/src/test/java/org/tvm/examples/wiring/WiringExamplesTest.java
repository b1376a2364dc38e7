package org.tvm.examples.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tvm.domain.mission.MissionStatus;
import org.tvm.ports.query.ActiveMissionView;
import org.tvm.testkit.inmemory.InMemoryTvmPersistence;

/** The wiring examples run as documented (embedded H2 without environment variables). */
class WiringExamplesTest {

    @Test
    void firstStepsWorkOnAnyAdapter() {
        InMemoryTvmPersistence store = InMemoryTvmPersistence.create();
        var active = FirstSteps.run(store, store.administration());
        assertThat(active).singleElement().extracting(ActiveMissionView::status).isEqualTo(MissionStatus.PENDING);
    }

    @Test
    void jpaWiringExampleRuns() {
        assertThat(captured(() -> JpaWiringExample.main(new String[0]))).contains("active missions of Example Care Home: 1");
    }

    @Test
    void myBatisWiringExampleRuns() {
        assertThat(captured(() -> MyBatisWiringExample.main(new String[0]))).contains("active missions of Example Care Home: 1");
    }

    private static String captured(Runnable main) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
