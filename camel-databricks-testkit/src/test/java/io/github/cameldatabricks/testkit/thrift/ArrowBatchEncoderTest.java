/*
 * Copyright 2026 the camel-databricks authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.cameldatabricks.testkit.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The hand-written value conversions of {@link ArrowBatchEncoder} agree with java.time and BigInteger. */
class ArrowBatchEncoderTest {

    @Test
    void epochMicrosMatchesJavaTime() {
        for (String ts : new String[]{ "2024-01-02 03:04:05.123456", "2024-01-02 03:04:05.5", "1970-01-01 00:00:00.0",
                "1969-12-31 23:59:59.999999", "0001-01-01 00:00:00.0", "9999-12-31 23:59:59.999999",
                "2016-02-29 12:00:00.01" }) {
            LocalDateTime t = LocalDateTime.parse(ts, WireValues.TIMESTAMP);
            long expected = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000;
            assertThat(ArrowBatchEncoder.epochMicros(ts)).as(ts).isEqualTo(expected);
        }
    }

    @Test
    void decimal128IsLittleEndianTwosComplementOfTheUnscaledValue() {
        assertThat(ArrowBatchEncoder.decimal128(new BigDecimal("1.5"), 2))
                .containsExactly(150, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(ArrowBatchEncoder.decimal128(new BigDecimal("-0.01"), 2))
                .containsExactly(-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1);
        byte[] max = ArrowBatchEncoder.decimal128(new BigDecimal("99999999999999999999999999999999999999"), 0);
        byte[] bigEndian = new byte[16];
        for (int i = 0; i < 16; i++) {
            bigEndian[i] = max[15 - i];
        }
        assertThat(new java.math.BigInteger(bigEndian)).isEqualTo(new java.math.BigInteger("9".repeat(38)));
    }
}
