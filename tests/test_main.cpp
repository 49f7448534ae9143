#include <QCoreApplication>

#include "test_registry.h"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  return isl::test::run_registered_tests(argc, argv);
}
