package dev.resilint.code.rules;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A kind of client (or cache) that is created somewhere and must be configured somewhere, perhaps
 * in another method of the same class. The verdict is per class (with its nested classes): a
 * creation is reported when nothing in the class sets the setting, and the class does not take
 * the configuration from elsewhere (a configuration object it did not build: resilint cannot see
 * what it holds, so it stays quiet). A client finished from a builder the method received as a
 * parameter is the caller's to configure ({@link Receivers}), and a library building its own
 * client with its own defaults is not judged ({@link LibraryCode}).
 *
 * @param creations where the client is created: reported there
 * @param settings what must be set; each entry must be matched by some call (for example both
 *     {@code setConnectTimeout} and {@code setReadTimeout})
 * @param settingNames how messages name each entry of {@code settings}
 * @param externalConfiguration a configuration object handed to the client or its builder
 * @param localConfiguration a configuration object built in the class, whose settings are visible
 * @param applies whether the family applies to the class at all (given all its calls)
 * @param message the message for a creation, given the names of the missing settings
 */
record ClientFamily(
        Predicate<JavaCall<?>> creations,
        List<Predicate<JavaCall<?>>> settings,
        List<String> settingNames,
        Predicate<JavaCall<?>> externalConfiguration,
        Predicate<JavaCall<?>> localConfiguration,
        Predicate<List<JavaCall<?>>> applies,
        Message message) {

    /** Builds the message for one creation. */
    interface Message {
        String of(JavaCall<?> creation, List<String> missing);
    }

    static final Predicate<JavaCall<?>> NONE = call -> false;

    /** A family where one of several setters is enough. */
    static ClientFamily anyOf(Predicate<JavaCall<?>> creations, Predicate<JavaCall<?>> setting,
            Predicate<JavaCall<?>> externalConfiguration, Predicate<JavaCall<?>> localConfiguration,
            Function<JavaCall<?>, String> message) {
        return new ClientFamily(creations, List.of(setting), List.of(""), externalConfiguration, localConfiguration,
                calls -> true, (call, missing) -> message.apply(call));
    }

    /**
     * Reports the clients {@code item} creates without the settings. {@code ownCalls} are the
     * calls {@code item} makes; the group's calls are asked for only when it creates a client.
     */
    void check(JavaClass item, List<JavaCall<?>> ownCalls, Supplier<List<JavaCall<?>>> groupCallsOf, String key,
            Consumer<Violation> out) {
        List<JavaCall<?>> created = new ArrayList<>();
        for (JavaCall<?> call : ownCalls) {
            if (creations.test(call) && !LibraryCode.definesTheApi(call)) {
                created.add(call);
            }
        }
        if (created.isEmpty()) {
            return;
        }
        List<JavaCall<?>> groupCalls = groupCallsOf.get();
        if (!applies.test(groupCalls)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            if (!Calls.any(groupCalls, settings.get(i))) {
                missing.add(settingNames.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (Calls.any(groupCalls, externalConfiguration) && !Calls.any(groupCalls, localConfiguration)) {
            return; // configured with an object built elsewhere: cannot tell what it sets
        }
        for (JavaCall<?> call : created) {
            if (Calls.simpleName(Calls.owner(call)).contains("Builder") && Receivers.isParameter(call)) {
                continue; // a builder the caller passed in: the caller configures it
            }
            out.accept(Violation.at(call, message.of(call, missing), key + ":" + Calls.describe(call)));
        }
    }
}
