package dev.resilint.live.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.resilint.live.fake.FakeAws;
import dev.resilint.live.fake.Fault;
import dev.resilint.live.model.Scope;
import dev.resilint.live.twin.Scans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** One client per region and service serves every account: each call signs as the account its thread works for. */
class ClientsTest {

    static final FakeAws FAKE = FakeAws.start();

    @AfterAll
    static void close() {
        FAKE.close();
    }

    @Test
    void aSharedClientSignsEachCallAsTheAccountBoundToItsThread() throws Exception {
        List<String> accounts = List.of("111111111111", "222222222222", "333333333333");
        for (String a : accounts) {
            FAKE.account(a).region("eu-west-1").items("sqs", "ListQueues",
                    List.of("https://sqs.eu-west-1.amazonaws.com/" + a + "/q"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Clients clients = new Clients(Scans.clients(FAKE), new CallStats())) {
            SqsClient first = clients.shared(new Scope(accounts.get(0), "eu-west-1"), SqsClient.class, SqsClient::builder);
            assertThat(clients.shared(new Scope(accounts.get(1), "eu-west-1"), SqsClient.class, SqsClient::builder))
                    .as("one client for every account of the region").isSameAs(first);
            List<Future<String>> urls = new ArrayList<>();
            for (int round = 0; round < 10; round++) {
                for (String a : accounts) {
                    urls.add(pool.submit(() -> Clients.as(FakeAws.credentials(a),
                            () -> a + " " + first.listQueues().queueUrls().get(0))));
                }
            }
            for (Future<String> f : urls) {
                String[] parts = f.get().split(" ");
                assertThat(parts[1]).as("the queue of the account the call was made for").contains("/" + parts[0] + "/");
            }
            assertThatThrownBy(first::listQueues).isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("outside an account's work");
        } finally {
            pool.shutdownNow();
        }
        assertThat(FAKE.problems()).isEmpty();
    }

    @Test
    void theSharedTimersEndAHangingCallAndStopWithTheClients() throws InterruptedException {
        FAKE.inject(Fault.hang().on("rds"));
        try {
            ClientSettings settings = Scans.clients(FAKE).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
                    Duration.ofMillis(300), Duration.ofSeconds(2));
            String prefix;
            try (Clients clients = new Clients(settings, new CallStats())) {
                prefix = clients.timerThreadPrefix();
                RdsClient rds = clients.shared(new Scope("444444444444", "eu-west-1"), RdsClient.class,
                        RdsClient::builder);
                long start = System.nanoTime();
                assertThatThrownBy(() -> Clients.as(FakeAws.credentials("444444444444"), rds::describeDBInstances))
                        .isInstanceOf(SdkException.class);
                assertThat((System.nanoTime() - start) / 1_000_000).as("ended by the call timeout").isLessThan(5000);
                assertThat(timerThreads(prefix)).as("the clients' timers run on the one shared pool").isNotEmpty()
                        .hasSizeLessThanOrEqualTo(2);
            }
            assertThat(timerThreadsAfterStop(prefix)).as("closed with the clients").isEmpty();
        } finally {
            FAKE.reset();
        }
    }

    private static List<Thread> timerThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).toList();
    }

    /** The timer threads still alive once those that were told to stop had two seconds to end. */
    private static List<Thread> timerThreadsAfterStop(String prefix) throws InterruptedException {
        for (Thread t : timerThreads(prefix)) {
            t.join(2000);
        }
        return timerThreads(prefix);
    }
}
