#include <QApplication>
#include <QSurfaceFormat>
#include <QTest>

#include <iostream>

#include "test_registry.h"
#include "widgets/metatypes.h"

namespace isl::test {
std::map<std::string, TestFactory>& registry() {
  static std::map<std::string, TestFactory> classes;
  return classes;
}
}  // namespace isl::test

// Usage: isl-gui-tests [TestClass [QtTest options...]]; --list prints the class names.
// The widgets need a real X display (Xvfb): Qt 6.4's offscreen platform crashes QOpenGLWidget.
int main(int argc, char** argv) {
  // VTK's OpenGL2 backend needs a 3.2 core context; it must be the default before QApplication.
  QSurfaceFormat format;
  format.setVersion(3, 2);
  format.setProfile(QSurfaceFormat::CoreProfile);
  format.setDepthBufferSize(24);
  format.setStencilBufferSize(8);
  QSurfaceFormat::setDefaultFormat(format);
  QApplication app(argc, argv);
  isl::gui::register_metatypes();
  auto& classes = isl::test::registry();
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
