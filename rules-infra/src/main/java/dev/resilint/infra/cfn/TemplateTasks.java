package dev.resilint.infra.cfn;

import dev.resilint.core.Problem;
import dev.resilint.core.Results;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Judges the templates of one analysis on several threads with the results of one thread: each
 * template that stands alone is analyzed by a worker into results of its own, and the results are
 * merged in the templates' order, as if analyzed one after the other, so reports, progress and the
 * templates handed on ({@link BuiltTemplate}) keep their order whatever the threads do. At most
 * {@link #AHEAD} templates per thread are analyzed ahead of the one being merged, so the results
 * waiting to be merged stay few (the pool's queue is bounded by the same number). A template whose
 * analysis takes longer than {@link #LIMIT} (evaluation has a step budget, so this is a defect, never
 * a property of the input) is an internal error naming the file, and the run goes on without it.
 *
 * <p>Parsing and rule evaluation are the bulk of a run over many templates, and each template's are
 * independent of the others' (rules and the engine are shared: they hold no state of a template,
 * as the live scan, which judges accounts concurrently, already relies on).
 */
final class TemplateTasks {

    /** Templates analyzed ahead of the merge, per thread. */
    static final int AHEAD = 4;

    /** The longest one template's analysis may take on a worker. */
    static final Duration LIMIT = Duration.ofMinutes(10);

    /** The system property that sets the number of threads, for benchmarks ({@code -Dresilint.threads=1}). */
    static final String THREADS = "resilint.threads";

    /**
     * Threads that pay off: one per processor, and a few at most (parsing allocates a lot); or what
     * {@value #THREADS} says, when it is a whole number of at least 1.
     */
    static int defaultThreads() {
        String set = System.getProperty(THREADS, "");
        if (set.matches("[1-9][0-9]{0,2}")) {
            return Integer.parseInt(set);
        }
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** One template, named as reports name it, analyzed into a session of its own. */
    record Task(String display, java.util.function.Consumer<CloudFormationAnalyzer.Session> analysis) {
    }

    /**
     * One candidate's turn: {@code inTurn} runs on the calling thread, into the shared session; a
     * candidate that stands alone also has a {@code worker} task, which runs instead when there are
     * several threads.
     */
    record Step(Runnable inTurn, Optional<Task> worker) {

        /** A step that runs only in its turn (a parent of nested templates, standard input, a nested one). */
        static Step inTurn(Runnable inTurn) {
            return new Step(inTurn, Optional.empty());
        }

        /** A step that may run on a worker. */
        static Step alone(Task worker, Runnable inTurn) {
            return new Step(inTurn, Optional.of(worker));
        }
    }

    private TemplateTasks() {
    }

    /**
     * Runs the steps in order: each one's worker task on a worker (when it has one and there is more
     * than one thread), merging what it found into {@code session}, or else its in-turn work on this
     * thread; {@code progress} hears the number of steps done after each.
     */
    static void run(int threads, Duration limit, CloudFormationAnalyzer.Session session, List<Step> steps,
            IntConsumer progress) {
        long alone = steps.stream().filter(s -> s.worker().isPresent()).count();
        if (threads <= 1 || alone < 2) {
            for (int i = 0; i < steps.size(); i++) {
                steps.get(i).inTurn().run();
                progress.accept(i + 1);
            }
            return;
        }
        // at most threads * AHEAD tasks are submitted and not yet merged, so the queue never fills
        ThreadPoolExecutor pool = pool(threads);
        try {
            Deque<Future<Outcome>> ahead = new ArrayDeque<>();
            int next = 0; // the next step whose task is not yet submitted
            for (int i = 0; i < steps.size(); i++) {
                while (next < steps.size() && ahead.size() < threads * AHEAD) {
                    Optional<Task> task = steps.get(next++).worker();
                    task.ifPresent(t -> ahead.add(pool.submit(() -> Outcome.of(t, session))));
                }
                Step step = steps.get(i);
                if (step.worker().isEmpty()) {
                    step.inTurn().run();
                } else {
                    merge(ahead.poll(), step.worker().get(), limit, session);
                }
                progress.accept(i + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code work} applied to each item, the results in the items' order, on {@code threads} threads
     * (at most {@link #AHEAD} per thread ahead of the one collected). {@code work} must not throw for
     * an item it cannot handle but answer for it; an item whose work takes longer than {@link #LIMIT}
     * gets {@code late}'s answer instead.
     */
    static <T, R> List<R> map(int threads, List<T> items, java.util.function.Function<T, R> work,
            java.util.function.Function<T, R> late) {
        List<R> out = new ArrayList<>(items.size());
        if (threads <= 1 || items.size() < 2) {
            items.forEach(i -> out.add(work.apply(i)));
            return out;
        }
        ThreadPoolExecutor pool = pool(threads);
        try {
            Deque<Future<R>> ahead = new ArrayDeque<>();
            int next = 0;
            for (int i = 0; i < items.size(); i++) {
                while (next < items.size() && ahead.size() < threads * AHEAD) {
                    T item = items.get(next++);
                    ahead.add(pool.submit(() -> work.apply(item)));
                }
                out.add(result(ahead.poll(), () -> late.apply(items.get(out.size()))));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> future, java.util.function.Supplier<R> late) {
        try {
            return future.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return late.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading templates", e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    private static RuntimeException rethrown(ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
            return r;
        }
        if (e.getCause() instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e.getCause());
    }

    /** A pool of daemon threads whose queue holds what {@link #AHEAD} allows, never more. */
    private static ThreadPoolExecutor pool(int threads) {
        AtomicInteger named = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads * AHEAD), r -> {
                    Thread t = new Thread(r, "resilint-templates-" + named.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    private static void merge(Future<Outcome> outcome, Task task, Duration limit, CloudFormationAnalyzer.Session session) {
        try {
            outcome.get(limit.toMillis(), TimeUnit.MILLISECONDS).mergeInto(session);
        } catch (TimeoutException e) {
            outcome.cancel(true);
            session.results().addProblem(Problem.internal("", task.display(), "analysis of " + task.display()
                    + " did not finish within " + (limit.toMinutes() > 0 ? limit.toMinutes() + " minutes" : limit.toMillis()
                    + " ms") + " and was abandoned; please report this template"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging templates", e);
        } catch (ExecutionException e) {
            throw rethrown(e);
        }
    }

    /** What one worker found: its results and the templates it built, in its order. */
    private record Outcome(Results results, List<BuiltTemplate> built) {

        static Outcome of(Task task, CloudFormationAnalyzer.Session session) {
            Outcome o = new Outcome(new Results(), new ArrayList<>());
            task.analysis().accept(session.into(o.results(), o.built()::add));
            return o;
        }

        void mergeInto(CloudFormationAnalyzer.Session session) {
            session.results().addAll(results);
            built.forEach(session.built());
        }
    }
}
