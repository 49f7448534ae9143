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
    from proto_messages import F, ProtoFile
except ImportError as error:
    print(f"{error}; install the Debian packages python3-protobuf python3-crc32c", file=sys.stderr)
    sys.exit(3)


def event_class():
    """tensorflow/core/util/event.proto with summary.proto's Summary and Summary.Value"""
    proto = ProtoFile("tfevents_check")
    value = proto.message("Value", oneofs=["value"])
    proto.field(value, "node_name", 7, F.TYPE_STRING)
    proto.field(value, "tag", 1, F.TYPE_STRING)
    proto.field(value, "simple_value", 2, F.TYPE_FLOAT, oneof=0)
    proto.field(value, "obsolete_old_style_histogram", 3, F.TYPE_BYTES, oneof=0)
    summary = proto.message("Summary")
    proto.field(summary, "value", 1, F.TYPE_MESSAGE, F.LABEL_REPEATED, "Value")
    event = proto.message("Event", oneofs=["what"])
    proto.field(event, "wall_time", 1, F.TYPE_DOUBLE)
    proto.field(event, "step", 2, F.TYPE_INT64)
    proto.field(event, "file_version", 3, F.TYPE_STRING, oneof=0)
    proto.field(event, "graph_def", 4, F.TYPE_BYTES, oneof=0)
    proto.field(event, "summary", 5, F.TYPE_MESSAGE, type_name="Summary", oneof=0)
    return proto.message_class("Event")


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
