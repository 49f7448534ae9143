#include "test_registry.h"

#include <QTest>

#include <iostream>

namespace isl::test {

std::map<std::string, TestFactory>& registry() {
  static std::map<std::string, TestFactory> classes;
  return classes;
}

int run_registered_tests(int argc, char** argv) {
  auto& classes = registry();
  if (argc > 1 && std::string(argv[1]) == "--list") {
    for (const auto& [name, factory] : classes) std::cout << name << "\n";
    return 0;
  }
  if (argc > 1 && argv[1][0] != '-') {
    auto found = classes.find(argv[1]);
    if (found == classes.end()) {
      std::cerr << "no test class named " << argv[1] << "\n";
      return 2;
    }
    auto object = found->second();
    argv[1] = argv[0];
    return QTest::qExec(object.get(), argc - 1, argv + 1);
  }
  int failures = 0;
  for (const auto& [name, factory] : classes) {
    auto object = factory();
    failures += QTest::qExec(object.get(), argc, argv);
  }
  return failures == 0 ? 0 : 1;
}

}  // namespace isl::test
