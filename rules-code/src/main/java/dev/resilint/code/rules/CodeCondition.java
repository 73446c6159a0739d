package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A condition over classes that reports {@link Violation}s. Facts that a rule gathers per class
 * (is a timeout set anywhere?) are gathered over the class together with its nested and inner
 * classes, which share one source file: a timeout set in a helper of the outer class counts for
 * a client built in a lambda or an anonymous class.
 */
public abstract class CodeCondition extends ArchCondition<JavaClass> {

    /** The classes under evaluation, by top-level class; set for the duration of one evaluation. */
    private final ThreadLocal<Map<String, List<JavaClass>>> groups = new ThreadLocal<>();
    /** The calls made by each group, gathered once per evaluation instead of once per class of the group. */
    private final ThreadLocal<Map<List<JavaClass>, List<JavaCall<?>>>> calls = new ThreadLocal<>();
    /** The classes under evaluation, by name. */
    private final ThreadLocal<Map<String, JavaClass>> byName = new ThreadLocal<>();
    /** The calls made by each class itself; ArchUnit builds a new set on every request for them. */
    private final ThreadLocal<Map<JavaClass, List<JavaCall<?>>>> own = new ThreadLocal<>();

    protected CodeCondition(String description) {
        super(description);
    }

    @Override
    public void init(Collection<JavaClass> allObjectsToTest) {
        Map<String, List<JavaClass>> byTopLevel = new HashMap<>();
        Map<String, JavaClass> named = new HashMap<>();
        for (JavaClass c : allObjectsToTest) {
            byTopLevel.computeIfAbsent(topLevel(c).getName(), k -> new ArrayList<>()).add(c);
            named.put(c.getName(), c);
        }
        groups.set(byTopLevel);
        byName.set(named);
        calls.set(new IdentityHashMap<>());
        own.set(new IdentityHashMap<>());
    }

    @Override
    public void finish(ConditionEvents events) {
        groups.remove();
        byName.remove();
        calls.remove();
        own.remove();
    }

    /** A class under evaluation, by its name ({@code a.b.C$D}), when it is one. */
    protected final Optional<JavaClass> classNamed(String name) {
        Map<String, JavaClass> map = byName.get();
        return map == null ? Optional.empty() : Optional.ofNullable(map.get(name));
    }

    /** Every call made by the classes of {@code group}; computed once per group and evaluation. */
    protected final List<JavaCall<?>> callsOf(List<JavaClass> group) {
        Map<List<JavaClass>, List<JavaCall<?>>> memo = calls.get();
        if (memo == null) {
            return Calls.of(group);
        }
        return memo.computeIfAbsent(group, g -> {
            List<JavaCall<?>> all = new ArrayList<>();
            for (JavaClass c : g) {
                all.addAll(ownCalls(c));
            }
            return all;
        });
    }

    /**
     * Every call made by {@code item} itself, outside compiler-made methods ({@link CompilerMade}: a
     * bridge only forwards to the real method); computed once per class and evaluation.
     */
    protected final List<JavaCall<?>> ownCalls(JavaClass item) {
        Map<JavaClass, List<JavaCall<?>>> memo = own.get();
        if (memo == null) {
            return programmersCalls(item);
        }
        return memo.computeIfAbsent(item, CodeCondition::programmersCalls);
    }

    private static List<JavaCall<?>> programmersCalls(JavaClass item) {
        List<JavaCall<?>> calls = new ArrayList<>();
        for (JavaCall<?> call : item.getCodeUnitCallsFromSelf()) {
            if (!CompilerMade.is(call.getOrigin())) {
                calls.add(call);
            }
        }
        return List.copyOf(calls);
    }

    @Override
    public final void check(JavaClass item, ConditionEvents events) {
        check(item, group(item), v -> events.add(SimpleConditionEvent.violated(v, v.description())));
    }

    /**
     * Reports the violations of one class.
     *
     * @param group the class and the classes nested in the same top-level class
     */
    protected abstract void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out);

    private List<JavaClass> group(JavaClass item) {
        Map<String, List<JavaClass>> map = groups.get();
        List<JavaClass> group = map == null ? null : map.get(topLevel(item).getName());
        return group == null ? List.of(item) : group;
    }

    static JavaClass topLevel(JavaClass c) {
        JavaClass current = c;
        for (int i = 0; i < 64 && current.getEnclosingClass().isPresent(); i++) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
