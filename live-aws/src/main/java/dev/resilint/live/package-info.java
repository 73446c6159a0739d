/**
 * The live-account source: collectors that read AWS accounts through aws-sdk-java-v2 (read only)
 * and mappers that turn API responses into the CloudFormation-shaped resources of the resource
 * graph, with completeness recorded per account, region and resource type.
 */
package dev.resilint.live;
