#include "widgets/log_panel.h"

#include <QScrollBar>
#include <QTextEdit>
#include <QTime>
#include <QVBoxLayout>

namespace isl::gui {

LogPanel::LogPanel(QWidget* parent) : QWidget(parent), view_(new QTextEdit(this)) {
  view_->setReadOnly(true);
  view_->setObjectName("logView");
  // A long run logs thousands of lines; the oldest go first.
  view_->document()->setMaximumBlockCount(5000);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(view_);
}

void LogPanel::addMessage(LogLevel level, const QString& message) {
  ++counts_[int(level)];
  static const char* colors[] = {"#3c4043", "#b06000", "#c5221f"};
  const QString label = level == LogLevel::Error ? tr("Error") : level == LogLevel::Warning ? tr("Warning") : QString();
  QString line = QString("<span style='color:#80868b'>%1</span> ").arg(QTime::currentTime().toString("HH:mm:ss"));
  if (!label.isEmpty()) line += QString("<b style='color:%1'>%2:</b> ").arg(colors[int(level)], label);
  line += QString("<span style='color:%1'>%2</span>").arg(colors[int(level)], message.toHtmlEscaped());
  view_->append(line);
  view_->verticalScrollBar()->setValue(view_->verticalScrollBar()->maximum());
}

void LogPanel::clear() {
  view_->clear();
  for (int& count : counts_) count = 0;
}

QString LogPanel::text() const { return view_->toPlainText(); }

}  // namespace isl::gui
