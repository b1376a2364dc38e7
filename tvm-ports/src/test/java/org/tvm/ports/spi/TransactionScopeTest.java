package org.tvm.ports.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tvm.domain.facility.FacilityId;
import org.tvm.ports.AccessDeniedException;
import org.tvm.ports.TvmContext;

class TransactionScopeTest {

    private static final FacilityId HERE = FacilityId.of(UUID.fromString("00000000-0000-7000-8000-0000000000a1"));
    private static final FacilityId ELSEWHERE = FacilityId.of(UUID.fromString("00000000-0000-7000-8000-0000000000b2"));

    @Test
    void aWritableScopeAllowsEverythingOnItsThreadUntilItEnds() {
        TransactionScope scope = new TransactionScope(TvmContext.system(HERE), false);
        assertThatCode(() -> {
            scope.check();
            scope.checkWritable("MapRepository.insert");
            scope.requireContextFacility(HERE, "FacilityMap");
        }).doesNotThrowAnyException();

        scope.end();
        assertThatThrownBy(scope::check).isInstanceOf(IllegalStateException.class).hasMessageContaining("has ended");
        assertThatThrownBy(() -> scope.checkWritable("MapRepository.insert")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");
        assertThat(scope.toString()).endsWith(", ended");
    }

    @Test
    void aReadOnlyScopeRefusesWritesNamingTheOperation() {
        TransactionScope scope = new TransactionScope(TvmContext.system(HERE), true);
        assertThatCode(scope::check).doesNotThrowAnyException();
        assertThatThrownBy(() -> scope.checkWritable("MapRepository.insert")).isInstanceOf(IllegalStateException.class)
                .hasMessage("MapRepository.insert is not allowed in a read-only transaction");
        assertThat(scope.readOnly()).isTrue();
    }

    @Test
    void anotherThreadIsRefused() {
        TransactionScope scope = new TransactionScope(TvmContext.system(HERE), false);
        Throwable fromElsewhere = CompletableFuture.supplyAsync(() -> {
            try {
                scope.check();
                return null;
            } catch (IllegalStateException e) {
                return e;
            }
        }).join();
        assertThat(fromElsewhere).isInstanceOf(IllegalStateException.class).hasMessageContaining("belongs to thread");
    }

    @Test
    void dataOfAnotherFacilityIsRefusedWithoutNamingIt() {
        TransactionScope scope = new TransactionScope(TvmContext.system(HERE), false);
        assertThatThrownBy(() -> scope.requireContextFacility(ELSEWHERE, "FacilityMap"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("FacilityMap")
                .hasMessageNotContaining(ELSEWHERE.value().toString());
    }
}
