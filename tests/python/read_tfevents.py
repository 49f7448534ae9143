#!/usr/bin/python3
"""Reads a TensorBoard event file as TensorFlow does and prints its scalars as JSON.

An independent reader for the tests of core/run/tensorboard_events.cpp: the record framing
(tensorflow/core/lib/io/record_writer.cc) is checked with the crc32c module, and the Events are
parsed by google.protobuf with message types built here from the field numbers of
tensorflow/core/util/event.proto and tensorflow/core/framework/summary.proto. Prints
  {"file_version": str, "file_version_wall_time": float,
   "scalars": [{"tag": str, "step": int, "value": float, "wall_time": float}, ...]}
Exit status: 1 for a file TensorBoard could not read, 3 without the Python modules.
"""
import json
import struct
import sys

try:
    import crc32c
    from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
except ImportError as error:
    print(f"{error}; install the Debian packages python3-protobuf python3-crc32c", file=sys.stderr)
    sys.exit(3)

F = descriptor_pb2.FieldDescriptorProto


def event_class():
    proto = descriptor_pb2.FileDescriptorProto(name="tfevents_check.proto", package="tfevents_check",
                                               syntax="proto3")

    def add(message, name, number, kind, label=F.LABEL_OPTIONAL, type_name=None, oneof=None):
        field = message.field.add(name=name, number=number, type=kind, label=label)
        if type_name:
            field.type_name = type_name
        if oneof is not None:
            field.oneof_index = oneof

    value = proto.message_type.add(name="Value")  # summary.proto, Summary.Value
    value.oneof_decl.add(name="value")
    add(value, "node_name", 7, F.TYPE_STRING)
    add(value, "tag", 1, F.TYPE_STRING)
    add(value, "simple_value", 2, F.TYPE_FLOAT, oneof=0)
    add(value, "obsolete_old_style_histogram", 3, F.TYPE_BYTES, oneof=0)
    summary = proto.message_type.add(name="Summary")
    add(summary, "value", 1, F.TYPE_MESSAGE, F.LABEL_REPEATED, ".tfevents_check.Value")
    event = proto.message_type.add(name="Event")  # event.proto
    event.oneof_decl.add(name="what")
    add(event, "wall_time", 1, F.TYPE_DOUBLE)
    add(event, "step", 2, F.TYPE_INT64)
    add(event, "file_version", 3, F.TYPE_STRING, oneof=0)
    add(event, "graph_def", 4, F.TYPE_BYTES, oneof=0)
    add(event, "summary", 5, F.TYPE_MESSAGE, type_name=".tfevents_check.Summary", oneof=0)
    pool = descriptor_pool.DescriptorPool()
    pool.Add(proto)
    return message_factory.MessageFactory(pool).GetPrototype(pool.FindMessageTypeByName("tfevents_check.Event"))


def masked_crc(data):
    crc = crc32c.crc32c(data)
    return (((crc >> 15) | (crc << 17)) + 0xA282EAD8) & 0xFFFFFFFF


def records(data):
    offset = 0
    while offset < len(data):
        header = data[offset:offset + 12]
        if len(header) < 12:
            raise ValueError(f"truncated record header at byte {offset}")
        (length,), (length_crc,) = struct.unpack("<Q", header[:8]), struct.unpack("<I", header[8:])
        if masked_crc(header[:8]) != length_crc:
            raise ValueError(f"bad length CRC at byte {offset}")
        body = data[offset + 12:offset + 12 + length]
        footer = data[offset + 12 + length:offset + 16 + length]
        if len(body) < length or len(footer) < 4:
            raise ValueError(f"truncated record at byte {offset}")
        if masked_crc(body) != struct.unpack("<I", footer)[0]:
            raise ValueError(f"bad data CRC at byte {offset}")
        yield body
        offset += 16 + length


def main(path):
    Event = event_class()
    with open(path, "rb") as file:
        data = file.read()
    result = {"scalars": []}
    for number, body in enumerate(records(data)):
        event = Event()
        event.ParseFromString(body)
        # A field of a number event.proto does not define is one TensorBoard ignores.
        values = event.summary.value
        if event.UnknownFields() or event.summary.UnknownFields() or any(v.UnknownFields() for v in values):
            raise ValueError(f"event {number} holds fields that event.proto does not define")
        what = event.WhichOneof("what")
        if number == 0:
            if what != "file_version":
                raise ValueError("the first event carries no file_version")
            result["file_version"] = event.file_version
            result["file_version_wall_time"] = event.wall_time
            continue
        if what != "summary":
            raise ValueError(f"event {number} carries {what}, not a summary")
        for value in event.summary.value:
            if value.WhichOneof("value") != "simple_value" or not value.tag:
                raise ValueError(f"event {number} holds a value without a tag or a simple_value")
            result["scalars"].append({"tag": value.tag, "step": event.step, "value": value.simple_value,
                                      "wall_time": event.wall_time})
    if "file_version" not in result:
        raise ValueError("the file holds no events")
    print(json.dumps(result))


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception as error:  # every failure to read is the test's finding
        print(f"{sys.argv[1]}: {error}", file=sys.stderr)
        sys.exit(1)
