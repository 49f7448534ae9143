#!/usr/bin/python3
"""Parses a projector_config.pbtxt as TensorBoard's projector does and prints it as JSON.

An independent reader for the tests of core/run/projector_export.cpp: google.protobuf's text
format parser with a ProjectorConfig type built here from the field numbers of
tensorboard/plugins/projector/projector_config.proto. An unknown field or a malformed value
fails the parse, as it fails TensorBoard's. Prints the message with the .proto field names.
Exit status: 1 for a file TensorBoard could not read, 3 without the Python module.
"""
import json
import sys

try:
    from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory, text_format
except ImportError as error:
    print(f"{error}; install the Debian packages python3-protobuf python3-crc32c", file=sys.stderr)
    sys.exit(3)

F = descriptor_pb2.FieldDescriptorProto


def projector_config_class():
    proto = descriptor_pb2.FileDescriptorProto(name="projector_check.proto", package="projector_check",
                                               syntax="proto3")

    def add(message, name, number, kind, label=F.LABEL_OPTIONAL, type_name=None):
        field = message.field.add(name=name, number=number, type=kind, label=label)
        if type_name:
            field.type_name = type_name

    sprite = proto.message_type.add(name="SpriteMetadata")
    add(sprite, "image_path", 1, F.TYPE_STRING)
    add(sprite, "single_image_dim", 2, F.TYPE_UINT32, F.LABEL_REPEATED)
    embedding = proto.message_type.add(name="EmbeddingInfo")
    add(embedding, "tensor_name", 1, F.TYPE_STRING)
    add(embedding, "metadata_path", 2, F.TYPE_STRING)
    add(embedding, "bookmarks_path", 3, F.TYPE_STRING)
    add(embedding, "tensor_shape", 4, F.TYPE_UINT32, F.LABEL_REPEATED)
    add(embedding, "sprite", 5, F.TYPE_MESSAGE, type_name=".projector_check.SpriteMetadata")
    add(embedding, "tensor_path", 6, F.TYPE_STRING)
    config = proto.message_type.add(name="ProjectorConfig")
    add(config, "model_checkpoint_path", 1, F.TYPE_STRING)
    add(config, "embeddings", 2, F.TYPE_MESSAGE, F.LABEL_REPEATED, ".projector_check.EmbeddingInfo")
    add(config, "model_checkpoint_dir", 3, F.TYPE_STRING)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(proto)
    return message_factory.MessageFactory(pool).GetPrototype(
        pool.FindMessageTypeByName("projector_check.ProjectorConfig"))


def main(path):
    with open(path, encoding="utf-8") as file:
        config = text_format.Parse(file.read(), projector_config_class()())
    print(json.dumps(json_format.MessageToDict(config, preserving_proto_field_name=True)))


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception as error:  # every failure to read is the test's finding
        print(f"{sys.argv[1]}: {error}", file=sys.stderr)
        sys.exit(1)
