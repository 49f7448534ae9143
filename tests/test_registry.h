#pragma once
#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <string>

// One binary holds every test class of a suite, which saves link time on small machines.
// Each class registers itself; ctest runs each class as its own test (see tests/CMakeLists.txt).
namespace isl::test {

using TestFactory = std::function<std::unique_ptr<QObject>()>;
std::map<std::string, TestFactory>& registry();

// Usage: TESTS [TestClass [QtTest options...]]. Without a class name every registered class
// runs; --list prints the names. Call after creating the Q*Application.
int run_registered_tests(int argc, char** argv);

struct Registration {
  Registration(const char* name, TestFactory factory) { registry()[name] = std::move(factory); }
};

}  // namespace isl::test

#define ISL_REGISTER_TEST(Class) \
  static ::isl::test::Registration isl_registration_##Class(#Class, [] { return std::make_unique<Class>(); })
