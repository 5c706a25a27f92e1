package io.github.cameldatabricks.component.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Back-off arithmetic and the read-only test. */
class RetryPolicyTest {

    private final RetryPolicy seedDefaults = new RetryPolicy(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60),
            Duration.ofMinutes(5));

    @Test
    void delaysDoubleFromTwoSecondsAndStopAtTheCapWithJitterWithinTwentyPercent() {
        assertThat(seedDefaults.delayBefore(1, () -> 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(seedDefaults.delayBefore(2, () -> 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(seedDefaults.delayBefore(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(8));
        assertThat(seedDefaults.delayBefore(10, () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(seedDefaults.delayBefore(1, () -> 0.0)).isEqualTo(Duration.ofMillis(1600));
        assertThat(seedDefaults.delayBefore(1, () -> 0.999999)).isBetween(Duration.ofMillis(2399),
                Duration.ofMillis(2400));
        assertThat(seedDefaults.delayBefore(10, () -> 0.999999)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void onlyStatementsThatCertainlyReadAreReadOnly() {
        assertThat(StatementKind.isReadOnly("SELECT 1")).isTrue();
        assertThat(StatementKind.isReadOnly("  -- comment\n/* block */ (select * from t)")).isTrue();
        assertThat(StatementKind.isReadOnly("WITH x AS (SELECT 1) SELECT * FROM x")).isTrue();
        assertThat(StatementKind.isReadOnly("show tables")).isTrue();
        assertThat(StatementKind.isReadOnly("DESCRIBE TABLE t")).isTrue();
        assertThat(StatementKind.isReadOnly("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x")).isFalse();
        assertThat(StatementKind.isReadOnly("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(StatementKind.isReadOnly("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE"))
                .isFalse();
        assertThat(StatementKind.isReadOnly("CREATE TABLE t AS SELECT 1")).isFalse();
        assertThat(StatementKind.isReadOnly("")).isFalse();
        assertThat(StatementKind.isReadOnly(null)).isFalse();
    }
}
