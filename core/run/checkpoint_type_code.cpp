#include "core/run/checkpoint_type_code.h"

#include <caffe2/serialize/inline_container.h>

#include <cctype>
#include <sstream>
#include <string_view>

#include "core/input_error.h"

namespace isl {

namespace {

// The declarations LibTorch writes for an OutputArchive: "class Module(Module):", then member
// lines indented by two spaces:
//   __parameters__ = ["name", ...]   __buffers__ = [...]   __annotations__ = []
//   __annotations__["name"] = TYPE   identifier : TYPE
// Names are quoted strings of plain characters (optimiser state keys hold slashes and
// hexadecimal addresses); types are the few the archives use.

bool take(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

bool take_while(std::string_view& text, bool (*allowed)(char)) {
  size_t length = 0;
  while (length < text.size() && allowed(text[length])) ++length;
  text.remove_prefix(length);
  return length > 0;
}

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool name_char(char c) { return identifier_char(c) || c == '.' || c == '/'; }

bool take_quoted_name(std::string_view& text) { return take(text, "\"") && take_while(text, name_char) && take(text, "\""); }

bool is_type(std::string_view text) {
  for (std::string_view simple : {"Tensor", "int", "float", "bool", "str", "Tuple[float, float]", "__torch__.Module"})
    if (text == simple) return true;
  return take(text, "__torch__.___torch_mangle_") && take_while(text, digit) && text == ".Module";
}

bool is_name_list(std::string_view text) {
  if (!take(text, "[")) return false;
  while (take_quoted_name(text))
    if (!take(text, ", ")) return false;
  return text == "]";
}

bool is_member_line(std::string_view line) {
  if (!take(line, "  ")) return false;
  if (take(line, "__parameters__ = ") || take(line, "__buffers__ = ")) return is_name_list(line);
  if (take(line, "__annotations__")) {
    if (line == " = []") return true;
    return take(line, "[") && take_quoted_name(line) && take(line, "] = ") && is_type(line);
  }
  return !digit(line.empty() ? '0' : line[0]) && take_while(line, identifier_char) && take(line, " : ") &&
         is_type(line);
}

bool is_code_record(std::string_view record) {
  if (!take(record, "code/__torch__")) return false;
  if (record == ".py") return true;
  return take(record, "/___torch_mangle_") && take_while(record, digit) && record == ".py";
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

void check_source(const std::string& source, const std::string& path, const std::string& record) {
  std::istringstream lines(source);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    const bool valid = number == 1 ? line == "class Module(Module):" : is_member_line(line);
    if (!valid)
      throw InputError(path, "has damaged type code (" + record + ", line " + std::to_string(number) + ")");
  }
  if (number < 1) throw InputError(path, "has damaged type code (" + record + " is empty)");
}

}  // namespace

void check_checkpoint_type_code(const std::string& path) {
  try {
    caffe2::serialize::PyTorchStreamReader reader(path);
    for (const std::string& record : reader.getAllRecords()) {
      if (record.rfind("code/", 0) != 0 || ends_with(record, ".debug_pkl")) continue;
      if (!is_code_record(record)) throw InputError(path, "has an unexpected type code record " + record);
      const auto [data, size] = reader.getRecord(record);
      check_source(std::string(static_cast<const char*>(data.get()), size), path, record);
    }
  } catch (const c10::Error& error) {
    std::string message = error.what_without_backtrace();
    throw InputError(path, "is not a readable checkpoint (" + message.substr(0, message.find('\n')) + ")");
  }
}

}  // namespace isl
