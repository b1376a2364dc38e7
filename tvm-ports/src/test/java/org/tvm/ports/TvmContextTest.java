package org.tvm.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tvm.domain.access.UserId;
import org.tvm.domain.facility.FacilityId;

class TvmContextTest {

    private final FacilityId facility = FacilityId.of(UUID.fromString("0190c7d2-0000-7000-8000-000000000001"));
    private final UserId actor = UserId.of(UUID.fromString("0190c7d2-0000-7000-8000-000000000002"));

    @Test
    void ofCarriesFacilityAndActor() {
        TvmContext ctx = TvmContext.of(facility, actor);
        assertThat(ctx.facilityId()).isEqualTo(facility);
        assertThat(ctx.actorUserId()).contains(actor);
        assertThat(ctx.isSystem()).isFalse();
    }

    @Test
    void systemHasNoActor() {
        TvmContext ctx = TvmContext.system(facility);
        assertThat(ctx.facilityId()).isEqualTo(facility);
        assertThat(ctx.actorUserId()).isEmpty();
        assertThat(ctx.isSystem()).isTrue();
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> TvmContext.of(null, actor)).withMessage("facilityId");
        assertThatNullPointerException().isThrownBy(() -> TvmContext.of(facility, null)).withMessage("actorUserId");
        assertThatNullPointerException().isThrownBy(() -> TvmContext.system(null)).withMessage("facilityId");
    }

    @Test
    void valueSemantics() {
        assertThat(TvmContext.of(facility, actor)).isEqualTo(TvmContext.of(facility, actor))
                .hasSameHashCodeAs(TvmContext.of(facility, actor))
                .isNotEqualTo(TvmContext.system(facility));
        assertThat(TvmContext.system(facility)).isEqualTo(TvmContext.system(facility));
    }

    @Test
    void toStringShowsIdsOnly() {
        assertThat(TvmContext.of(facility, actor)).hasToString(
                "TvmContext[facility=0190c7d2-0000-7000-8000-000000000001, actor=0190c7d2-0000-7000-8000-000000000002]");
        assertThat(TvmContext.system(facility)).hasToString(
                "TvmContext[facility=0190c7d2-0000-7000-8000-000000000001, actor=system]");
    }
}
