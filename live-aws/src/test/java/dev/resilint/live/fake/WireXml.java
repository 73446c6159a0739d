package dev.resilint.live.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * XML bodies of the EC2, AWS query and REST-XML protocols, written the way the SDK's query and XML
 * unmarshallers read them: members by their {@code unmarshallLocationName}; a list as a wrapper element
 * whose children are named by the model's member name ({@code item} in EC2, {@code member} or the
 * modelled name in query and REST-XML), or, when flattened, as repeated elements named after the list;
 * a map as {@code <entry><key/><value/></entry>} unless flattened; timestamps in ISO 8601.
 */
final class WireXml {
    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private final StringBuilder out = new StringBuilder(256);
    private final boolean restXml;

    private WireXml(boolean restXml) {
        this.restXml = restXml;
    }

    /** An EC2 answer: {@code <OpResponse xmlns><requestId/>members</OpResponse>}, no result wrapper. */
    static byte[] ec2(OperationModel op, Map<String, Object> tree, String requestId) {
        WireXml xml = new WireXml(false);
        String root = op.name() + "Response";
        xml.out.append(PROLOG).append('<').append(root).append(" xmlns=\"").append(op.service().xmlNamespace()).append("\">");
        xml.element("requestId", requestId);
        xml.members(op.output(), tree);
        xml.out.append("</").append(root).append('>');
        return xml.bytes();
    }

    /** A query answer: {@code <OpResponse><OpResult>members</OpResult><ResponseMetadata/></OpResponse>}. */
    static byte[] query(OperationModel op, Map<String, Object> tree, String requestId) {
        WireXml xml = new WireXml(false);
        String root = op.name() + "Response";
        xml.out.append(PROLOG).append('<').append(root).append(" xmlns=\"").append(op.service().xmlNamespace()).append("\">");
        xml.out.append('<').append(op.name()).append("Result>");
        xml.members(op.output(), tree);
        xml.out.append("</").append(op.name()).append("Result>");
        xml.out.append("<ResponseMetadata>");
        xml.element("RequestId", requestId);
        xml.out.append("</ResponseMetadata></").append(root).append('>');
        return xml.bytes();
    }

    /**
     * A REST-XML body: the explicit payload member as the root element, or else the payload members
     * under a root named after the operation. Null when the output has no payload.
     */
    static byte[] restXml(OperationModel op, Map<String, Object> tree) {
        WireXml xml = new WireXml(true);
        String namespace = op.service().xmlNamespace();
        for (Shape.Member member : op.output().members().values()) {
            if (member.payload()) {
                Object value = tree.get(member.name());
                if (value == null) {
                    return null;
                }
                xml.out.append(PROLOG);
                xml.value(member.unmarshallName(), member, value, namespace);
                return xml.bytes();
            }
        }
        boolean hasPayload = op.output().members().values().stream()
                               .anyMatch(m -> m.location() == Shape.Location.PAYLOAD);
        if (!hasPayload) {
            return null;
        }
        String root = op.name() + "Result";
        xml.out.append(PROLOG).append('<').append(root).append(" xmlns=\"").append(namespace).append("\">");
        xml.members(op.output(), tree);
        xml.out.append("</").append(root).append('>');
        return xml.bytes();
    }

    /** An EC2 error: {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}. */
    static byte[] ec2Error(AwsError error, String requestId) {
        WireXml xml = new WireXml(false);
        xml.out.append(PROLOG).append("<Response><Errors><Error>");
        xml.element("Code", error.code());
        xml.element("Message", error.getMessage());
        xml.out.append("</Error></Errors>");
        xml.element("RequestID", requestId);
        xml.out.append("</Response>");
        return xml.bytes();
    }

    /** A query or REST-XML error: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}. */
    static byte[] queryError(AwsService service, AwsError error, String requestId) {
        WireXml xml = new WireXml(false);
        xml.out.append(PROLOG).append("<ErrorResponse xmlns=\"").append(service.xmlNamespace()).append("\"><Error>");
        xml.element("Type", error.faultType());
        xml.element("Code", error.code());
        xml.element("Message", error.getMessage());
        xml.out.append("</Error>");
        xml.element("RequestId", requestId);
        xml.out.append("</ErrorResponse>");
        return xml.bytes();
    }

    /** An S3 error: {@code <Error><Code/><Message/><RequestId/></Error>}, no {@code ErrorResponse} wrapper. */
    static byte[] s3Error(AwsError error, String requestId) {
        WireXml xml = new WireXml(false);
        xml.out.append(PROLOG).append("<Error>");
        xml.element("Code", error.code());
        xml.element("Message", error.getMessage());
        xml.element("RequestId", requestId);
        xml.out.append("</Error>");
        return xml.bytes();
    }

    private byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void members(Shape shape, Map<String, Object> tree) {
        Map<String, Object> values = restXml ? withQuantity(shape, tree) : tree;
        for (Shape.Member member : shape.members().values()) {
            Object value = values.get(member.name());
            if (value != null && member.location() == Shape.Location.PAYLOAD) {
                value(member.unmarshallName(), member, value, null);
            }
        }
    }

    /**
     * CloudFront's lists are {@code {Quantity, Items}} structures whose {@code Quantity} is required: when a
     * test leaves it out, it is the number of items.
     */
    private static Map<String, Object> withQuantity(Shape shape, Map<String, Object> tree) {
        Shape.Member quantity = shape.member("Quantity");
        Shape.Member items = shape.member("Items");
        if (quantity == null || items == null || items.shape().kind() != Shape.Kind.LIST || tree.containsKey("Quantity")) {
            return tree;
        }
        Map<String, Object> copy = new LinkedHashMap<>(tree);
        Object list = tree.get("Items");
        copy.put("Quantity", list instanceof List<?> l ? l.size() : 0);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private void value(String name, Shape.Member member, Object value, String namespace) {
        Shape shape = member.shape();
        switch (shape.kind()) {
            case STRUCTURE:
                open(name, namespace);
                members(shape, (Map<String, Object>) value);
                close(name);
                break;
            case LIST: {
                Shape.Member element = shape.element();
                List<Object> list = (List<Object>) value;
                if (shape.flattened()) {
                    for (Object item : list) {
                        value(name, element, item, namespace);
                    }
                } else {
                    String itemName = shape.memberLocationName() != null ? shape.memberLocationName()
                                                                         : element.unmarshallName();
                    open(name, namespace);
                    for (Object item : list) {
                        value(itemName, element, item, null);
                    }
                    close(name);
                }
                break;
            }
            case MAP: {
                Map<String, Object> map = (Map<String, Object>) value;
                if (!shape.flattened()) {
                    open(name, namespace);
                }
                for (Map.Entry<String, Object> entry : map.entrySet()) {
                    String entryName = shape.flattened() ? name : "entry";
                    open(entryName, null);
                    element(shape.keyName(), entry.getKey());
                    value(shape.valueName(), shape.element(), entry.getValue(), null);
                    close(entryName);
                }
                if (!shape.flattened()) {
                    close(name);
                }
                break;
            }
            default:
                open(name, namespace);
                escape(WireValues.text(member, value, Shape.TimestampFormat.ISO_8601));
                close(name);
        }
    }

    private void open(String name, String namespace) {
        out.append('<').append(name);
        if (namespace != null) {
            out.append(" xmlns=\"").append(namespace).append('"');
        }
        out.append('>');
    }

    private void close(String name) {
        out.append("</").append(name).append('>');
    }

    private void element(String name, String text) {
        open(name, null);
        escape(text == null ? "" : text);
        close(name);
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
    }
}
