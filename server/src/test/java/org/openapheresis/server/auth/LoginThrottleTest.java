package org.openapheresis.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.TestClock;
import org.openapheresis.server.support.Unit;

/**
 * The login throttle against the real server on both databases: parallel guesses are counted one after the
 * other under the counter's row lock, so they cannot all pass the limit; an address is limited across accounts;
 * a success clears the account's count. The server's clock stands still, so no test depends on how fast the
 * machine is.
 */
class LoginThrottleTest {

    private static final Instant START = Instant.parse("2026-03-02T07:00:00Z");

    private static Api.Answer login(Unit u, String username, String password) {
        return u.api.post("/api/login", null, Map.of("username", username, "password", password));
    }

    /** Sends every login at the same moment (all threads released by one latch); answers in order. */
    private static List<Api.Answer> inParallel(Unit u, List<String[]> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (String[] a : attempts) {
                Callable<Api.Answer> c = () -> {
                    go.await();
                    return login(u, a[0], a[1]);
                };
                futures.add(pool.submit(c));
            }
            go.countDown();
            List<Api.Answer> answers = new ArrayList<>();
            for (Future<Api.Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> statuses(List<Api.Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Api.Answer::status, Collectors.counting()));
    }

    private static List<String[]> wrongGuesses(String username, int n) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new String[] {username, "wrong guess " + i});
        }
        return list;
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void eighty_parallel_wrong_guesses_for_one_account_get_the_free_number_of_401s_and_the_rest_429(
            Databases.Kind kind) throws Exception {
        try (Unit u = Unit.start(kind, new TestClock(START))) {
            Map<Integer, Long> got = statuses(inParallel(u, wrongGuesses("lab1", 80)));
            assertThat(got).as("statuses of 80 parallel wrong guesses")
                    .containsOnlyKeys(401, 429)
                    .containsEntry(401, (long) AuthService.FREE_FAILURES)
                    .containsEntry(429, 80L - AuthService.FREE_FAILURES);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void the_right_password_sent_among_parallel_wrong_ones_after_the_lock_is_refused(Databases.Kind kind)
            throws Exception {
        TestClock clock = new TestClock(START);
        try (Unit u = Unit.start(kind, clock)) {
            for (int i = 0; i < AuthService.FREE_FAILURES; i++) {
                assertThat(login(u, "nurse1", "wrong " + i).status()).isEqualTo(401);
            }
            List<String[]> attempts = wrongGuesses("nurse1", 30);
            attempts.add(15, new String[] {"nurse1", Unit.STAFF_PASSWORD});
            List<Api.Answer> answers = inParallel(u, attempts);
            assertThat(answers.get(15).status()).as("the right password while locked").isEqualTo(429);
            assertThat(answers.get(15).raw().headers().firstValue("Retry-After")).contains("1");
            assertThat(statuses(answers)).containsOnlyKeys(429);
            clock.advance(Duration.ofSeconds(1));
            assertThat(login(u, "nurse1", Unit.STAFF_PASSWORD).status()).as("after the wait").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void spraying_forty_user_names_from_one_address_is_throttled_by_the_address(Databases.Kind kind) {
        TestClock clock = new TestClock(START);
        try (Unit u = Unit.start(kind, clock)) {
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String name = i % 8 == 0 ? "physician1" : "staff" + i; // known and unknown names alike
                got.add(login(u, name, "Summer2026!").status());
            }
            int free = AuthService.FREE_ADDRESS_FAILURES;
            assertThat(free).isGreaterThan(AuthService.FREE_FAILURES).isLessThan(40);
            assertThat(got.subList(0, free)).as("one guess per name passes the account limit").containsOnly(401);
            assertThat(got.subList(free, 40)).as("the address limit").containsOnly(429);
            assertThat(login(u, "coordinator1", Unit.STAFF_PASSWORD).status())
                    .as("from that address, even the right password waits").isEqualTo(429);
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            assertThat(login(u, "coordinator1", Unit.STAFF_PASSWORD).status())
                    .as("an hour without attempts and the address is forgotten").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_success_resets_the_accounts_counter(Databases.Kind kind) {
        try (Unit u = Unit.start(kind, new TestClock(START))) {
            Function<Integer, List<Integer>> wrong = n -> {
                List<Integer> s = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    s.add(login(u, "billing1", "wrong " + i).status());
                }
                return s;
            };
            assertThat(wrong.apply(AuthService.FREE_FAILURES - 1)).containsOnly(401);
            assertThat(login(u, "billing1", Unit.STAFF_PASSWORD).status()).isEqualTo(200);
            assertThat(wrong.apply(AuthService.FREE_FAILURES)).as("the count started again").containsOnly(401);
            assertThat(login(u, "billing1", Unit.STAFF_PASSWORD).status()).as("now the account waits")
                    .isEqualTo(429);
        }
    }
}
