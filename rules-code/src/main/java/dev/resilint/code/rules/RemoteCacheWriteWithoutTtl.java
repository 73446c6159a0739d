package dev.resilint.code.rules;

import static dev.resilint.code.rules.Calls.isConstructor;
import static dev.resilint.code.rules.Calls.name;
import static dev.resilint.code.rules.Calls.owner;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import dev.resilint.code.ResilienceRules;
import dev.resilint.core.Reference;
import dev.resilint.core.RuleMetadata;
import dev.resilint.core.Severity;
import dev.resilint.core.SourceKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * CC02: a Redis string write (Jedis, Lettuce, Spring Data Redis) that gives the key no expiry.
 * What it fires on and when it stays quiet, case by case, is in its {@link #METADATA};
 * {@link dev.resilint.code.ResilienceRules#REMOTE_CACHE_WRITES_SHOULD_EXPIRE} runs it as an
 * ArchUnit rule. Keys, {@code SetParams} and {@code SetArgs} are traced in the bytecode by
 * {@link MethodFlow}.
 */
public final class RemoteCacheWriteWithoutTtl extends CodeCondition {

    public static final RuleMetadata METADATA = RuleMetadata.builder("CC02", RemoteCacheWriteWithoutTtl.class)
            .severity(Severity.WARNING)
            .summary("A Redis write (Jedis, Lettuce, Spring Data Redis) gives the key no expiry.")
            .rationale("A cache entry written without a time to live stays until someone deletes it or Redis evicts "
                    + "it under memory pressure: stale data outlives the change it should have followed, and with "
                    + "the default `noeviction` policy a cache that only grows ends in write errors for every client "
                    + "once memory is full. A plain `SET` also removes a time to live the key had before.")
            .remediation("Write with an expiry in the same command: Jedis `set(key, value, SetParams.setParams()"
                    + ".ex(seconds))` or `setex`; Lettuce `set(key, value, SetArgs.Builder.ex(seconds))`; Spring Data "
                    + "Redis `opsForValue().set(key, value, Duration.ofMinutes(5))` or `setIfAbsent(key, value, "
                    + "timeout)`. Or call `expire` on the key right after the write, in the same method.")
            .wellArchitected("REL05-BP03")
            .reference(Reference.doc("ArchUnit rule ResilienceRules.REMOTE_CACHE_WRITES_SHOULD_EXPIRE",
                    ResilienceRules.SOURCE_URL))
            .tags("cache", "ttl", "redis", "code")
            .sources(SourceKind.CODE)
            .reads("redis.clients.jedis.Jedis", "io.lettuce.core.api.sync.RedisStringCommands",
                    "org.springframework.data.redis.core.ValueOperations")
            .firesOn("Jedis (`redis.clients.jedis`: `Jedis`, `UnifiedJedis`, `JedisPooled`, `JedisCluster`, "
                            + "pipelines and transactions): `set(key, value)`, `setGet(key, value)`, `setnx`, "
                            + "`getSet`, `mset`, `msetnx`; and `set(key, value, params)` whose `SetParams` are built in "
                            + "the same method without `ex`, `px`, `exAt`, `pxAt` or `keepTtl`.",
                    "Lettuce (`io.lettuce.core`, sync, async and reactive commands): `set(key, value)`, "
                            + "`setGet(key, value)`, `setnx`, `getset`, `mset`, `msetnx`; and `set(key, value, args)` "
                            + "whose `SetArgs` are built in the same method without `ex`, `px`, `exAt`, `pxAt` or "
                            + "`keepttl`.",
                    "Spring Data Redis (`ValueOperations`, `BoundValueOperations`, `ReactiveValueOperations`): "
                            + "`set(key, value)`, `setIfAbsent(key, value)`, `setIfPresent(key, value)`, "
                            + "`getAndSet`, `multiSet`, `multiSetIfAbsent`, each without a timeout.",
                    "Only string writes count: hashes, lists, sets and streams (`hset`, `lpush`, `sadd`, `xadd`) are "
                            + "usually stores or queues, not cache entries, and are not judged.")
            .quietWhen("Code inside the Redis clients' own packages (`redis.clients.jedis`, `io.lettuce.core`, "
                            + "`org.springframework.data.redis`), which implements the commands rather than uses them.",
                    "An `expire`, `pexpire`, `expireAt` or `pexpireAt` (Lettuce: `expireat`, `pexpireat`) of the "
                            + "same library follows the write in the same method on the same key (or on a key "
                            + "resilint cannot tell apart from it; after a multi-key write, any key).",
                    "A store: a class whose name, or the name of a superclass or interface, ends in `Store` or "
                            + "`Repository` (Spring Integration's `RedisMessageStore`, a team's `OrderRepository`). "
                            + "It keeps data until it is deleted, by design; an expiry would lose it. A cache named "
                            + "a store is then not reported.",
                    "`SetParams` or `SetArgs` given by the caller or built elsewhere, and Spring's "
                            + "`set(key, value, spec -> ...)`: resilint cannot see what they hold.")
            .build();

    /**
     * A Redis library: the package of its commands and the names of its writes and expiries.
     *
     * @param commands the classes and interfaces whose methods are its commands, as prefixes of internal names
     */
    private record Library(String label, String prefix, List<String> commands, Set<String> writes,
            Set<String> expiries, String params, Set<String> paramsTtl) {

        boolean isCommand(String owner) {
            for (String c : commands) {
                if (owner.startsWith(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The libraries' own packages, which implement the commands rather than use them: not judged. */
    private static final List<String> OWN_PACKAGES = List.of("redis.clients.jedis.", "io.lettuce.core.",
            "org.springframework.data.redis.");

    private static final Set<String> PARAMS_TTL = Set.of("ex", "px", "exAt", "pxAt", "keepTtl", "keepttl");

    private static final Library JEDIS = new Library("Jedis", "redis/clients/jedis/",
            List.of("redis/clients/jedis/Jedis", "redis/clients/jedis/UnifiedJedis", "redis/clients/jedis/JedisPooled",
                    "redis/clients/jedis/JedisCluster", "redis/clients/jedis/Pipeline",
                    "redis/clients/jedis/Transaction", "redis/clients/jedis/AbstractPipeline",
                    "redis/clients/jedis/AbstractTransaction", "redis/clients/jedis/PipeliningBase",
                    "redis/clients/jedis/commands/"),
            Set.of("set", "setGet", "setnx", "getSet", "mset", "msetnx"),
            Set.of("expire", "pexpire", "expireAt", "pexpireAt"), "redis/clients/jedis/params/", PARAMS_TTL);
    private static final Library LETTUCE = new Library("Lettuce", "io/lettuce/core/",
            List.of("io/lettuce/core/api/", "io/lettuce/core/cluster/api/"),
            Set.of("set", "setGet", "setnx", "getset", "mset", "msetnx"),
            Set.of("expire", "pexpire", "expireat", "pexpireat"), "io/lettuce/core/SetArgs", PARAMS_TTL);
    private static final Library SPRING = new Library("Spring Data Redis", "org/springframework/data/redis/core/",
            List.of("org/springframework/data/redis/core/ValueOperations",
                    "org/springframework/data/redis/core/BoundValueOperations",
                    "org/springframework/data/redis/core/ReactiveValueOperations"),
            Set.of("set", "setIfAbsent", "setIfPresent", "getAndSet", "multiSet", "multiSetIfAbsent"),
            Set.of("expire", "expireAt"), "", Set.of());
    private static final List<Library> LIBRARIES = List.of(JEDIS, LETTUCE, SPRING);

    public RemoteCacheWriteWithoutTtl() {
        super("give the keys they write to Redis an expiry");
    }

    @Override
    protected void check(JavaClass item, List<JavaClass> group, Consumer<Violation> out) {
        for (String own : OWN_PACKAGES) {
            if (item.getName().startsWith(own)) {
                return;
            }
        }
        if (isStore(item)) {
            return; // keeps data until deleted: an expiry would lose it
        }
        boolean writes = false;
        for (JavaCall<?> call : ownCalls(item)) {
            if (isConstructor(call)) {
                continue;
            }
            String internal = owner(call).replace('.', '/');
            for (Library library : LIBRARIES) {
                writes |= internal.startsWith(library.prefix()) && library.writes().contains(name(call));
            }
        }
        if (writes) {
            MethodFlow.of(item).ifPresent(flow -> writes(item, flow, out));
        }
    }

    /** A class named as a store or a repository, itself or through a superclass or an interface. */
    private static boolean isStore(JavaClass item) {
        if (storeName(item.getSimpleName())) {
            return true;
        }
        for (JavaClass type : item.getAllRawSuperclasses()) {
            if (storeName(type.getSimpleName())) {
                return true;
            }
        }
        for (JavaClass type : item.getAllRawInterfaces()) {
            if (storeName(type.getSimpleName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean storeName(String simpleName) {
        return simpleName.endsWith("Store") || simpleName.endsWith("Repository");
    }

    private static void writes(JavaClass item, MethodFlow flow, Consumer<Violation> out) {
        for (MethodNode method : flow.methods()) {
            List<MethodInsnNode> calls = MethodFlow.calls(method);
            for (int i = 0; i < calls.size(); i++) {
                MethodInsnNode call = calls.get(i);
                Library library = libraryOf(call);
                if (library == null || !withoutTtl(library, flow, method, call)
                        || expiredAfterwards(library, flow, method, call, calls.subList(i + 1, calls.size()))) {
                    continue;
                }
                String owner = Calls.simpleName(MethodFlow.className(call.owner)).replace('$', '.');
                out.accept(new Violation(item, Violation.memberName(method.name), MethodFlow.line(call), false,
                        "Redis write without an expiry (" + library.label() + " " + owner + "." + call.name + "): the "
                                + "key stays until deleted or evicted, however stale, and a cache that only grows "
                                + "fills Redis; write it with an expiry (" + remedy(library) + ") or expire the key "
                                + "right after the write",
                        "redis:" + owner + "." + call.name));
            }
        }
    }

    private static Library libraryOf(MethodInsnNode call) {
        for (Library library : LIBRARIES) {
            if (library.isCommand(call.owner) && library.writes().contains(call.name)) {
                return library;
            }
        }
        return null;
    }

    private static String remedy(Library library) {
        return library == JEDIS ? "SetParams.setParams().ex(seconds), or setex"
                : library == LETTUCE ? "SetArgs.Builder.ex(seconds)" : "a Duration or timeout argument";
    }

    /** Whether the write itself sets no expiry. */
    private static boolean withoutTtl(Library library, MethodFlow flow, MethodNode method, MethodInsnNode call) {
        Type[] args = Type.getArgumentTypes(call.desc);
        if (library == SPRING) {
            // the forms without a timeout take only keys, values and maps (set(K, V, long) writes at an offset)
            for (Type arg : args) {
                String name = arg.getInternalName();
                if (!name.equals("java/lang/Object") && !name.equals("java/util/Map")) {
                    return false;
                }
            }
            return true;
        }
        if (!call.name.equals("set") && !call.name.equals("setGet")) {
            return true; // setnx, getSet, mset, msetnx: no expiry possible
        }
        if (args.length == 2) {
            return true;
        }
        if (args.length != 3 || !args[2].getInternalName().startsWith(library.params())) {
            return false;
        }
        return paramsBuiltHereWithoutTtl(library, flow, method, call);
    }

    /** {@code SetParams} or {@code SetArgs} built in this method, and nothing in it sets their expiry. */
    private static boolean paramsBuiltHereWithoutTtl(Library library, MethodFlow flow, MethodNode method,
            MethodInsnNode call) {
        for (MethodInsnNode other : MethodFlow.calls(method)) {
            if (other.owner.startsWith(library.params()) && library.paramsTtl().contains(other.name)) {
                return false;
            }
        }
        List<MethodFlow.Origin> chain = flow.chain(method, flow.argument(method, call, 2));
        MethodFlow.Origin start = chain.get(chain.size() - 1);
        return (start.kind() == MethodFlow.Kind.NEW || start.kind() == MethodFlow.Kind.CALL)
                && start.owner().startsWith(library.params());
    }

    /** Whether an expiry of the same library follows on the same key (or on one that cannot be told apart). */
    private static boolean expiredAfterwards(Library library, MethodFlow flow, MethodNode method,
            MethodInsnNode write, List<MethodInsnNode> later) {
        boolean multi = write.name.startsWith("mset") || write.name.startsWith("multiSet");
        boolean bound = write.owner.contains("/Bound");
        MethodFlow.Origin key = bound ? flow.argument(method, write, -1) : flow.argument(method, write, 0);
        for (MethodInsnNode call : later) {
            if (!call.owner.startsWith(library.prefix()) || !library.expiries().contains(call.name)) {
                continue;
            }
            if (multi) {
                return true;
            }
            boolean boundExpiry = library == SPRING && call.owner.contains("/Bound");
            MethodFlow.Origin expired = boundExpiry ? flow.argument(method, call, -1) : flow.argument(method, call, 0);
            if (same(key, expired)) {
                return true;
            }
        }
        return false;
    }

    /** False only when the two values are provably different. */
    static boolean same(MethodFlow.Origin a, MethodFlow.Origin b) {
        if (a.kind() == MethodFlow.Kind.UNKNOWN || b.kind() == MethodFlow.Kind.UNKNOWN) {
            return true;
        }
        if (a.kind() != b.kind()) {
            return false;
        }
        return switch (a.kind()) {
            case CONSTANT -> Objects.equals(constant(a), constant(b));
            case GIVEN -> Objects.equals(given(a), given(b));
            default -> a.insn() == b.insn();
        };
    }

    private static Optional<Object> constant(MethodFlow.Origin o) {
        return o.insn() instanceof LdcInsnNode ldc ? Optional.of(ldc.cst) : Optional.of(o.insn());
    }

    private static String given(MethodFlow.Origin o) {
        if (o.insn() instanceof FieldInsnNode field) {
            return (field.getOpcode() == Opcodes.GETSTATIC ? "static " : "") + field.owner + "." + field.name;
        }
        if (o.insn() instanceof VarInsnNode load) {
            return "local " + load.var;
        }
        return String.valueOf(System.identityHashCode(o.insn()));
    }
}
