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
    from google.protobuf import json_format, text_format
    from proto_messages import F, ProtoFile
except ImportError as error:
    print(f"{error}; install the Debian packages python3-protobuf python3-crc32c", file=sys.stderr)
    sys.exit(3)


def projector_config_class():
    """tensorboard/plugins/projector/projector_config.proto"""
    proto = ProtoFile("projector_check")
    sprite = proto.message("SpriteMetadata")
    proto.field(sprite, "image_path", 1, F.TYPE_STRING)
    proto.field(sprite, "single_image_dim", 2, F.TYPE_UINT32, F.LABEL_REPEATED)
    embedding = proto.message("EmbeddingInfo")
    proto.field(embedding, "tensor_name", 1, F.TYPE_STRING)
    proto.field(embedding, "metadata_path", 2, F.TYPE_STRING)
    proto.field(embedding, "bookmarks_path", 3, F.TYPE_STRING)
    proto.field(embedding, "tensor_shape", 4, F.TYPE_UINT32, F.LABEL_REPEATED)
    proto.field(embedding, "sprite", 5, F.TYPE_MESSAGE, type_name="SpriteMetadata")
    proto.field(embedding, "tensor_path", 6, F.TYPE_STRING)
    config = proto.message("ProjectorConfig")
    proto.field(config, "model_checkpoint_path", 1, F.TYPE_STRING)
    proto.field(config, "embeddings", 2, F.TYPE_MESSAGE, F.LABEL_REPEATED, "EmbeddingInfo")
    proto.field(config, "model_checkpoint_dir", 3, F.TYPE_STRING)
    return proto.message_class("ProjectorConfig")


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
