// The translations are complete: every message of translations/*.ts is translated with the
// source's placeholders and accelerator, and every string of the sources (as lupdate finds
// it, with update_translations' inputs) is in every .ts file.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <vector>

#include "test_registry.h"

namespace {

struct Message {
  QString context, source, comment;
  QString type;              // "unfinished", "obsolete", "vanished" or empty
  QStringList translations;  // one per plural form for a %n message
  qint64 line = 0;

  QString key() const { return context + " | " + source + (comment.isEmpty() ? "" : " | " + comment); }
};

// The reader stands on a <message>; reads it up to its end.
Message read_message(QXmlStreamReader& xml, const QString& context) {
  Message message;
  message.context = context;
  message.line = xml.lineNumber();
  while (xml.readNextStartElement()) {
    if (xml.name() == u"source") {
      message.source = xml.readElementText();
    } else if (xml.name() == u"comment") {
      message.comment = xml.readElementText();
    } else if (xml.name() == u"translation") {
      message.type = xml.attributes().value("type").toString();
      QString text;
      bool plural = false;
      while (!xml.atEnd() && !(xml.readNext() == QXmlStreamReader::EndElement && xml.name() == u"translation")) {
        if (xml.isCharacters()) {
          text += xml.text();
        } else if (xml.isStartElement() && xml.name() == u"numerusform") {
          plural = true;
          message.translations << xml.readElementText();
        }
      }
      if (!plural) message.translations << text;
    } else {
      xml.skipCurrentElement();
    }
  }
  return message;
}

// The messages of a Qt Linguist .ts file; `problem` says why it could not be read.
std::vector<Message> read_ts(const QString& path, QString& problem) {
  std::vector<Message> messages;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    problem = path + ": " + file.errorString();
    return messages;
  }
  QXmlStreamReader xml(&file);
  QString context;
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == u"name") context = xml.readElementText();
    else if (xml.name() == u"message") messages.push_back(read_message(xml, context));
  }
  if (xml.hasError()) problem = QString("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
  return messages;
}

QStringList ts_files() {
  QStringList paths;
  for (const QString& name : QDir(ISL_TRANSLATIONS_DIR).entryList({"*.ts"}, QDir::Files))
    paths << QDir(ISL_TRANSLATIONS_DIR).filePath(name);
  return paths;
}

// %1 ... %99 and %n (QString::arg and tr's plural count); %L1 is %1 in the local number format.
QStringList placeholders(const QString& text) {
  static const QRegularExpression pattern("%L?(\\d{1,2}|n)");
  QSet<QString> found;
  for (const auto& match : pattern.globalMatch(text)) found.insert(match.captured(1));
  QStringList sorted(found.begin(), found.end());
  sorted.sort();
  return sorted;
}

// Menu accelerators: '&' before a character, except "&&" (a literal '&') and HTML entities.
int accelerators(const QString& text) {
  static const QRegularExpression pattern("&(?!&|[A-Za-z]+;|#\\d+;)(?=\\S)");
  static const QRegularExpression doubled("&&");
  QString plain = text;
  plain.remove(doubled);
  return int(plain.count(pattern));
}

// What is wrong with the translations of one .ts file: a line per message.
QStringList translation_problems(const QString& path) {
  QString unreadable;
  const std::vector<Message> messages = read_ts(path, unreadable);
  if (!unreadable.isEmpty()) return {unreadable};
  if (messages.empty()) return {path + ": no messages"};
  QStringList problems;
  const QString file = QFileInfo(path).fileName();
  for (const Message& message : messages) {
    const QString where = QString("%1:%2 [%3]").arg(file).arg(message.line).arg(message.key());
    if (!message.type.isEmpty()) {
      problems << where + ": " + message.type;
      continue;
    }
    for (const QString& translation : message.translations) {
      if (translation.trimmed().isEmpty()) {
        problems << where + ": empty translation";
      } else if (placeholders(translation) != placeholders(message.source)) {
        problems << QString("%1: placeholders %2 in \"%3\", the source has %4")
                        .arg(where, placeholders(translation).join(' '), translation, placeholders(message.source).join(' '));
      } else if (accelerators(translation) != accelerators(message.source)) {
        problems << QString("%1: \"%2\" has %3 accelerators, the source %4")
                        .arg(where, translation)
                        .arg(accelerators(translation))
                        .arg(accelerators(message.source));
      }
    }
  }
  return problems;
}

QSet<QString> keys(const std::vector<Message>& messages) {
  QSet<QString> set;
  for (const Message& message : messages) set.insert(message.key());
  return set;
}

QStringList sorted(const QSet<QString>& set) {
  QStringList list(set.begin(), set.end());
  list.sort();
  return list;
}

}  // namespace

class TranslationsTest : public QObject {
  Q_OBJECT
 private slots:
  void everyMessageIsTranslated() {
    const QStringList files = ts_files();
    QVERIFY2(files.size() >= 2, ISL_TRANSLATIONS_DIR);
    QStringList problems;
    for (const QString& path : files) problems << translation_problems(path);
    QVERIFY2(problems.isEmpty(), qPrintable("\n" + problems.join('\n')));
  }

  // lupdate over the sources into a fresh file: each committed .ts must hold exactly its
  // messages (a new string is missing until `update_translations` runs; a vanished one lingers
  // until it runs again).
  void everySourceStringIsInEveryTsFile() {
    QVERIFY2(QFileInfo::exists(ISL_LUPDATE_INPUTS), ISL_LUPDATE_INPUTS);
    QTemporaryDir dir;
    const QString fresh = dir.filePath("fresh.ts");
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(ISL_LUPDATE, {"-silent", "-no-obsolete", "@" ISL_LUPDATE_INPUTS, "-ts", fresh});
    QVERIFY(lupdate.waitForFinished(120000));
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, lupdate.readAll().constData());
    QString problem;
    const QSet<QString> sources = keys(read_ts(fresh, problem));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(sources.size() > 100);

    QStringList problems;
    for (const QString& path : ts_files()) {
      const QSet<QString> committed = keys(read_ts(path, problem));
      QVERIFY2(problem.isEmpty(), qPrintable(problem));
      const QString file = QFileInfo(path).fileName();
      for (const QString& key : sorted(sources - committed)) problems << file + " lacks [" + key + "]";
      for (const QString& key : sorted(committed - sources)) problems << file + " holds [" + key + "], gone from the sources";
    }
    QVERIFY2(problems.isEmpty(), qPrintable("\n" + problems.join('\n') +
                                            "\n(cmake --build build --target update_translations, then translate)"));
  }
};

ISL_REGISTER_TEST(TranslationsTest);
#include "test_translations.moc"
