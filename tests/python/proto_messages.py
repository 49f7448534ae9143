"""Protocol buffer message types declared field by field, for the independent readers here.

Neither TensorFlow nor TensorBoard is packaged for Debian, so the readers restate the messages
they need from the .proto files' field numbers and let google.protobuf parse with them.
"""
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

F = descriptor_pb2.FieldDescriptorProto


class ProtoFile:
    def __init__(self, package):
        self.package = package
        self.proto = descriptor_pb2.FileDescriptorProto(name=f"{package}.proto", package=package, syntax="proto3")

    def message(self, name, oneofs=()):
        message = self.proto.message_type.add(name=name)
        for oneof in oneofs:
            message.oneof_decl.add(name=oneof)
        return message

    def field(self, message, name, number, kind, label=F.LABEL_OPTIONAL, type_name=None, oneof=None):
        """Adds a field; type_name is a message of this file, by its plain name."""
        field = message.field.add(name=name, number=number, type=kind, label=label)
        if type_name:
            field.type_name = f".{self.package}.{type_name}"
        if oneof is not None:
            field.oneof_index = oneof

    def message_class(self, name):
        pool = descriptor_pool.DescriptorPool()
        pool.Add(self.proto)
        return message_factory.MessageFactory(pool).GetPrototype(pool.FindMessageTypeByName(f"{self.package}.{name}"))
