package dev.resilint.live.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.protocols.core.OperationInfo;

/**
 * Reads the AWS API models of the services from the SDK's generated code: aws-sdk-java-v2 generates its
 * request and response classes from the AWS service models (the same models botocore ships), and each
 * field carries the model's wire facts as an {@code SdkField} ({@code locationName}, list member names,
 * flattening, header/query/path binding, timestamp format); each operation's marshaller carries its
 * {@code OperationInfo} ({@code http.method}, {@code http.requestUri}, wire operation name, API version).
 * Reading them here, rather than restating them, keeps the fake in step with what the SDK sends and parses.
 */
final class SdkModels {
    private static final Map<AwsService, Map<String, String>> MARSHALLERS = new ConcurrentHashMap<>();
    private static final Map<String, Optional<OperationModel>> OPERATIONS = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Shape> STRUCTURES = new ConcurrentHashMap<>();
    private static final Map<MarshallingType<?>, Shape.Kind> KINDS = kinds();

    private SdkModels() {
    }

    /** The operation of this wire name, if the service's SDK model has it. */
    static Optional<OperationModel> operation(AwsService service, String operation) {
        return OPERATIONS.computeIfAbsent(service.name() + "/" + operation, key -> load(service, operation));
    }

    /** The operation, which must exist. */
    static OperationModel require(AwsService service, String operation) {
        return operation(service, operation).orElseThrow(() -> new IllegalArgumentException(
            service.id() + " has no operation '" + operation + "' in its SDK model"));
    }

    private static Optional<OperationModel> load(AwsService service, String operation) {
        String marshaller = marshallers(service).get(operation.toLowerCase(Locale.ROOT));
        if (marshaller == null) {
            return Optional.empty();
        }
        try {
            Class<?> marshallerClass = Class.forName(marshaller);
            OperationInfo info = operationInfo(marshallerClass);
            // JSON protocols name the operation by its target, "<targetPrefix>.<Operation>"; REST ones not at all
            String identifier = info.operationIdentifier();
            if (identifier != null && !identifier.substring(identifier.lastIndexOf('.') + 1).equals(operation)) {
                return Optional.empty();
            }
            Class<?> requestClass = requestClass(marshallerClass);
            String responseName = requestClass.getName().replaceFirst("Request$", "Response");
            Class<?> responseClass = Class.forName(responseName);
            return Optional.of(new OperationModel(service, operation, structure(builder(requestClass)),
                                                  structure(builder(responseClass)), info.httpMethod().name(),
                                                  info.requestUri()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the SDK model of " + service.id() + " " + operation, e);
        }
    }

    private static OperationInfo operationInfo(Class<?> marshallerClass) throws ReflectiveOperationException {
        for (Field field : marshallerClass.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == OperationInfo.class) {
                field.setAccessible(true);
                return (OperationInfo) field.get(null);
            }
        }
        throw new NoSuchFieldException("no OperationInfo in " + marshallerClass.getName());
    }

    private static Class<?> requestClass(Class<?> marshallerClass) throws NoSuchMethodException {
        for (Method method : marshallerClass.getDeclaredMethods()) {
            if (method.getName().equals("marshall") && method.getParameterCount() == 1 && !method.isBridge()
                && method.getParameterTypes()[0].getName().contains(".model.")) {
                return method.getParameterTypes()[0];
            }
        }
        throw new NoSuchMethodException("no marshall(Request) in " + marshallerClass.getName());
    }

    private static SdkPojo builder(Class<?> modelClass) throws ReflectiveOperationException {
        return (SdkPojo) modelClass.getMethod("builder").invoke(null);
    }

    /** The marshaller classes of a service by lower-cased operation name, from its jar's listing. */
    private static Map<String, String> marshallers(AwsService service) {
        return MARSHALLERS.computeIfAbsent(service, s -> {
            String dir = s.sdkPackage().replace('.', '/') + "/transform";
            Map<String, String> byOperation = new HashMap<>();
            try {
                Enumeration<URL> urls = SdkModels.class.getClassLoader().getResources(dir);
                while (urls.hasMoreElements()) {
                    for (String simpleName : classNames(urls.nextElement(), dir)) {
                        if (simpleName.endsWith("RequestMarshaller")) {
                            String operation = simpleName.substring(0, simpleName.length() - "RequestMarshaller".length());
                            byOperation.put(operation.toLowerCase(Locale.ROOT), s.sdkPackage() + ".transform." + simpleName);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (byOperation.isEmpty()) {
                throw new IllegalStateException("the SDK module of " + s.id() + " (" + s.sdkPackage()
                                                + ") is not on the class path");
            }
            return byOperation;
        });
    }

    private static List<String> classNames(URL url, String dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (url.getProtocol().equals("jar")) {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(false);
            try (JarFile jar = connection.getJarFile()) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.startsWith(dir + "/") && entry.endsWith(".class") && entry.indexOf('/', dir.length() + 1) < 0) {
                        names.add(entry.substring(dir.length() + 1, entry.length() - ".class".length()));
                    }
                }
            }
        } else if (url.getProtocol().equals("file")) {
            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                     .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        return names;
    }

    /** The structure shape of an SDK model object, from its fields. */
    static Shape structure(SdkPojo pojo) {
        Class<?> key = pojo.getClass();
        Shape known = STRUCTURES.get(key);
        if (known != null) {
            return known;
        }
        Class<?> named = key.getEnclosingClass() != null ? key.getEnclosingClass() : key;
        Shape shape = Shape.structure(named.getSimpleName(), () -> members(pojo.sdkFields()));
        Shape raced = STRUCTURES.putIfAbsent(key, shape);
        return raced != null ? raced : shape;
    }

    private static List<Shape.Member> members(List<SdkField<?>> fields) {
        List<Shape.Member> members = new ArrayList<>();
        for (SdkField<?> field : fields) {
            members.add(member(field.memberName(), field));
        }
        return members;
    }

    private static Shape.Member member(String name, SdkField<?> field) {
        Shape.TimestampFormat format = field.getOptionalTrait(TimestampFormatTrait.class)
                                            .map(t -> Shape.TimestampFormat.valueOf(t.format().name()))
                                            .orElse(Shape.TimestampFormat.DEFAULT);
        return new Shape.Member(name == null ? "member" : name, field.locationName(), field.unmarshallLocationName(),
                                location(field.location()), shape(field), format, field.containsTrait(PayloadTrait.class));
    }

    private static Shape shape(SdkField<?> field) {
        Shape.Kind kind = KINDS.get(field.marshallingType());
        if (kind == null) {
            throw new IllegalStateException("unsupported marshalling type " + field.marshallingType()
                                            + " of " + field.memberName());
        }
        switch (kind) {
            case STRUCTURE:
                return structure(field.constructor().get());
            case LIST: {
                ListTrait trait = field.getTrait(ListTrait.class);
                return Shape.list(member(null, trait.memberFieldInfo()), trait.isFlattened(), trait.memberLocationName());
            }
            case MAP: {
                MapTrait trait = field.getTrait(MapTrait.class);
                return Shape.map(trait.keyLocationName(), member(null, trait.valueFieldInfo()), trait.valueLocationName(),
                                 trait.isFlattened());
            }
            default:
                return Shape.scalar(kind);
        }
    }

    private static Shape.Location location(MarshallLocation location) {
        switch (location) {
            case QUERY_PARAM:
                return Shape.Location.QUERY;
            case HEADER:
                return Shape.Location.HEADER;
            case PATH:
                return Shape.Location.PATH;
            case GREEDY_PATH:
                return Shape.Location.GREEDY_PATH;
            case STATUS_CODE:
                return Shape.Location.STATUS_CODE;
            default:
                return Shape.Location.PAYLOAD;
        }
    }

    private static Map<MarshallingType<?>, Shape.Kind> kinds() {
        Map<MarshallingType<?>, Shape.Kind> kinds = new HashMap<>();
        kinds.put(MarshallingType.STRING, Shape.Kind.STRING);
        kinds.put(MarshallingType.INTEGER, Shape.Kind.INTEGER);
        kinds.put(MarshallingType.LONG, Shape.Kind.LONG);
        kinds.put(MarshallingType.SHORT, Shape.Kind.SHORT);
        kinds.put(MarshallingType.BYTE, Shape.Kind.BYTE);
        kinds.put(MarshallingType.FLOAT, Shape.Kind.FLOAT);
        kinds.put(MarshallingType.DOUBLE, Shape.Kind.DOUBLE);
        kinds.put(MarshallingType.BIG_DECIMAL, Shape.Kind.BIG_DECIMAL);
        kinds.put(MarshallingType.BOOLEAN, Shape.Kind.BOOLEAN);
        kinds.put(MarshallingType.INSTANT, Shape.Kind.TIMESTAMP);
        kinds.put(MarshallingType.SDK_BYTES, Shape.Kind.BLOB);
        kinds.put(MarshallingType.SDK_POJO, Shape.Kind.STRUCTURE);
        kinds.put(MarshallingType.LIST, Shape.Kind.LIST);
        kinds.put(MarshallingType.MAP, Shape.Kind.MAP);
        kinds.put(MarshallingType.DOCUMENT, Shape.Kind.DOCUMENT);
        return kinds;
    }
}
