package dev.resilint.core;

import java.util.Objects;

/**
 * Where a finding points. Three shapes, one per source kind. Each knows the stable key its
 * fingerprint is built from, which never contains a line number.
 */
public sealed interface Location permits Location.Template, Location.Live, Location.Code {

    /** The part of a fingerprint that identifies the place; independent of line numbers. */
    String fingerprintKey();

    /** The file the location is in (template or source file, slash-separated), or the empty string. */
    String file();

    /** 1-based line, or 0 when unknown. */
    int line();

    /** 1-based column, or 0 when unknown. */
    int column();

    /** A name for the thing the finding is about: logical resource id, ARN, or class and member. */
    String subject();

    /** One-line human description: {@code file:line:column} or ARN or class#member. */
    String display();

    /**
     * A place in a CloudFormation template.
     *
     * @param file path relative to the working directory, with {@code /} separators
     * @param line 1-based line of the offending key (0 when unknown)
     * @param column 1-based column of the offending key (0 when unknown)
     * @param logicalPath path of keys from the template root, for example
     *     {@code Resources/Web/Properties/VPCZoneIdentifier}
     * @param resourceId logical id of the resource, or the empty string for template-level findings
     * @param resourceType CloudFormation type of the resource, or the empty string
     */
    record Template(String file, int line, int column, String logicalPath, String resourceId, String resourceType)
            implements Location {
        public Template {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(logicalPath, "logicalPath");
            resourceId = resourceId == null ? "" : resourceId;
            resourceType = resourceType == null ? "" : resourceType;
        }

        @Override
        public String fingerprintKey() {
            return "template\u0000" + file + "\u0000" + logicalPath;
        }

        @Override
        public String subject() {
            return resourceId;
        }

        @Override
        public String display() {
            return line > 0 ? file + ":" + line + ":" + column : file;
        }
    }

    /**
     * A resource in a live AWS account.
     *
     * @param arn the resource's ARN
     * @param account 12-digit account id
     * @param region region code, or {@code global}
     * @param resourceType CloudFormation-style type name
     */
    record Live(String arn, String account, String region, String resourceType) implements Location {
        public Live {
            Objects.requireNonNull(arn, "arn");
            account = account == null ? "" : account;
            region = region == null ? "" : region;
            resourceType = resourceType == null ? "" : resourceType;
        }

        @Override
        public String fingerprintKey() {
            return "live\u0000" + arn;
        }

        @Override
        public String file() {
            return "";
        }

        @Override
        public int line() {
            return 0;
        }

        @Override
        public int column() {
            return 0;
        }

        @Override
        public String subject() {
            return arn;
        }

        @Override
        public String display() {
            return arn;
        }
    }

    /**
     * A place in compiled Java code.
     *
     * @param className fully qualified class name
     * @param member method or field name (with descriptor-free signature), or the empty string
     * @param file source file path relative to the working directory when resolved, else the
     *     source file name recorded in the class file, or the empty string
     * @param line 1-based line from the class file's line table, or 0
     */
    record Code(String className, String member, String file, int line) implements Location {
        public Code {
            Objects.requireNonNull(className, "className");
            member = member == null ? "" : member;
            file = file == null ? "" : file;
        }

        @Override
        public String fingerprintKey() {
            return "code\u0000" + className + "\u0000" + member;
        }

        @Override
        public int column() {
            return 0;
        }

        @Override
        public String subject() {
            return member.isEmpty() ? className : className + "#" + member;
        }

        @Override
        public String display() {
            if (!file.isEmpty()) {
                return line > 0 ? file + ":" + line : file;
            }
            return subject();
        }
    }
}
