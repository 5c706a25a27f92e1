package io.github.cameldatabricks.component.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.cameldatabricks.component.TestContexts;
import io.github.cameldatabricks.component.env.Environment;
import io.github.cameldatabricks.testkit.LocalWarehouse;
import io.github.cameldatabricks.testkit.junit.LocalWarehouseExtension;

/**
 * 10-second M2M access tokens under continuous load from three threads: tokens are renewed about once per half
 * lifetime, however many exchanges run (with a fixed 10 s expiry buffer every exchange fetched its own token).
 */
class ShortLivedTokenTest {

    private static final String SP = "5d4c3b2a-1908-4f7e-8d6c-5b4a39281716";
    private static final String SP_SECRET = "dose-short-lived-secret";
    private static final int SECONDS = 25;

    @RegisterExtension
    static final LocalWarehouseExtension WAREHOUSE = new LocalWarehouseExtension(
            LocalWarehouse.builder().sampleRows(10));

    @Test
    void tenSecondTokensAreRenewedAboutTwicePerLifetimeNotPerExchange() throws Exception {
        LocalWarehouse w = WAREHOUSE.warehouse();
        w.oidc().accessTokenLifetime(Duration.ofSeconds(10)).addServicePrincipal(SP, SP_SECRET, "short-bot");
        CamelContext context = TestContexts.startedWith(Environment.empty());
        String uri = "databricks:SELECT 1 AS one?outputType=SelectOne&host=" + w.baseUrl() + "&httpPath="
                + w.httpPath() + "&poolSize=3&maxRetries=0&authMode=oauth-m2m&clientId=" + SP + "&clientSecret=RAW("
                + SP_SECRET + ")";
        long before = w.oidc().tokensIssued("client_credentials");
        ExecutorService threads = Executors.newFixedThreadPool(3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        List<Future<long[]>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                runs.add(threads.submit(() -> {
                    ProducerTemplate template = context.createProducerTemplate();
                    long sent = 0;
                    long failed = 0;
                    while (System.nanoTime() < deadline) {
                        Exchange out = template.request(uri, e -> { });
                        sent++;
                        failed += out.getException() == null ? 0 : 1;
                    }
                    return new long[] { sent, failed };
                }));
            }
            long sent = 0;
            long failed = 0;
            for (Future<long[]> run : runs) {
                sent += run.get()[0];
                failed += run.get()[1];
            }
            long tokens = w.oidc().tokensIssued("client_credentials") - before;
            assertThat(failed).isZero();
            assertThat(sent).isGreaterThan(3L * SECONDS);
            // one token per half lifetime (5 s), plus the first: at most 2 x runtime / lifetime + 1
            assertThat(tokens).as("token requests for %s exchanges", sent).isBetween(2L, 2L * SECONDS / 10 + 1);
        } finally {
            threads.shutdownNow();
            context.stop();
        }
    }
}
