<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="22"/>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="23"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg);;PDF-Dokument (*.pdf)</translation>
    </message>
</context>
<context>
    <name>isl::gui::AnchorInspector</name>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="85"/>
        <source>Anchor</source>
        <translation>Anker</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="86"/>
        <source>Index of the training image to inspect</source>
        <translation>Index des Trainingsbilds, das untersucht werden soll</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="87"/>
        <source>Next with positives</source>
        <translation>Nächster mit Positiven</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="88"/>
        <source>Jump to the next image whose positive set holds more than itself</source>
        <translation>Zum nächsten Bild springen, dessen Positivmenge mehr als das Bild selbst enthält</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="145"/>
        <source>Image %1, label %2. Click to make it the anchor.</source>
        <translation>Bild %1, Klasse %2. Klicken, um es zum Anker zu machen.</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="155"/>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 of %3 share the anchor&apos;s label</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 von %3 haben die Klasse des Ankers</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/anchor_inspector.cpp" line="165"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiteres</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="175"/>
        <source>Click a point in the 3D view, or type an index, to inspect an anchor.</source>
        <translation>Klicken Sie auf einen Punkt in der 3D-Ansicht oder geben Sie einen Index ein, um einen Anker zu untersuchen.</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="176"/>
        <source>No snapshot yet.</source>
        <translation>Noch kein Schnappschuss.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/anchor_inspector.cpp" line="193"/>
        <source>&lt;b&gt;Image %1&lt;/b&gt;&lt;br&gt;label %2 (evaluation aid only)&lt;br&gt;%n mined positives</source>
        <translation>
            <numerusform>&lt;b&gt;Bild %1&lt;/b&gt;&lt;br&gt;Klasse %2 (nur zur Auswertung)&lt;br&gt;%n gefundenes Positiv</numerusform>
            <numerusform>&lt;b&gt;Bild %1&lt;/b&gt;&lt;br&gt;Klasse %2 (nur zur Auswertung)&lt;br&gt;%n gefundene Positive</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="197"/>
        <source>&lt;h3&gt;ISL positive set&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;ISL-Positivmenge&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="198"/>
        <source>No positives mined yet.</source>
        <translation>Noch keine Positiven gefunden.</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="200"/>
        <source>Round %1</source>
        <translation>Runde %1</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="203"/>
        <source>&lt;h3&gt;Euclidean neighbours&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Euklidische Nachbarn&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="204"/>
        <source>Nearest</source>
        <translation>Nächste</translation>
    </message>
</context>
<context>
    <name>isl::gui::CurvesPanel</name>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>Positive-set precision</source>
        <translation>Präzision der Positivmengen</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>Losses</source>
        <translation>Verluste</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>kNN accuracy</source>
        <translation>kNN-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>GAN</source>
        <translation>GAN</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="66"/>
        <source>Mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>top-1 accuracy</source>
        <translation>Top-1-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>mined pairs</source>
        <translation>gefundene Paare</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="71"/>
        <source>GAN epoch (all rounds)</source>
        <translation>GAN-Epoche (alle Runden)</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="71"/>
        <source>backbone epoch</source>
        <translation>Backbone-Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="120"/>
        <source>%1 = %2 at %3</source>
        <translation>%1 = %2 bei %3</translation>
    </message>
</context>
<context>
    <name>isl::gui::EmbeddingView</name>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="131"/>
        <source>Colour by label</source>
        <translation>Nach Klasse färben</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="131"/>
        <source>Colour by positive-set size</source>
        <translation>Nach Größe der Positivmenge färben</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="132"/>
        <source>Colour by the anchor&apos;s positive set</source>
        <translation>Nach Positivmenge des Ankers färben</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="134"/>
        <source>What the colour of each point shows. Labels are an evaluation aid only; training never sees them.</source>
        <translation>Was die Farbe jedes Punkts zeigt. Klassen dienen nur der Auswertung; das Training sieht sie nie.</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="135"/>
        <source>Reset the camera to show every point</source>
        <translation>Kamera zurücksetzen, sodass alle Punkte sichtbar sind</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="335"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="336"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… %n weitere</numerusform>
            <numerusform>… %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="337"/>
        <source>Label</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="341"/>
        <source>Positive-set size (log)</source>
        <translation>Größe der Positivmenge (log)</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="343"/>
        <source>Anchor&apos;s positive set</source>
        <translation>Positivmenge des Ankers</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="343"/>
        <source>anchor</source>
        <translation>Anker</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="344"/>
        <source>positive, same label</source>
        <translation>Positiv, gleiche Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="345"/>
        <source>positive, other label</source>
        <translation>Positiv, andere Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="346"/>
        <source>not in the set</source>
        <translation>nicht in der Menge</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="354"/>
        <source>No run yet. Start a run or open a run directory.</source>
        <translation>Noch kein Lauf. Starten Sie einen Lauf oder öffnen Sie ein Laufverzeichnis.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="360"/>
        <source>Round %1 · %2 · epoch %3 · %n images</source>
        <translation>
            <numerusform>Runde %1 · %2 · Epoche %3 · %n Bild</numerusform>
            <numerusform>Runde %1 · %2 · Epoche %3 · %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="363"/>
        <source>Anchor %1 (label %2), %3 positives</source>
        <translation>Anker %1 (Klasse %2), %3 Positive</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="367"/>
        <source>Proxy confidence %1</source>
        <translation>Konfidenz des Proxys %1</translation>
    </message>
</context>
<context>
    <name>isl::gui::LogPanel</name>
    <message>
        <location filename="../widgets/log_panel.cpp" line="23"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../widgets/log_panel.cpp" line="23"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
</context>
<context>
    <name>isl::gui::MainWindow</name>
    <message>
        <location filename="../app/studio/main_window.cpp" line="74"/>
        <source>Thumbnails are not available: %1</source>
        <translation>Vorschaubilder sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="174"/>
        <source>About ISL Studio</source>
        <translation>Über ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="175"/>
        <source>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;Watch and steer Instance Similarity Learning training live.</source>
        <translation>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;Das Training von Instance Similarity Learning live beobachten und steuern.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="208"/>
        <location filename="../app/studio/main_window.cpp" line="380"/>
        <source>ISL Studio</source>
        <translation>ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="208"/>
        <source>ISL Studio — %1</source>
        <translation>ISL Studio — %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="209"/>
        <source>&amp;New run…</source>
        <translation>&amp;Neuer Lauf…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="210"/>
        <source>Choose a data set, backbone and hyperparameters and start training</source>
        <translation>Datensatz, Backbone und Hyperparameter wählen und das Training starten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="211"/>
        <source>&amp;Open run directory…</source>
        <translation>Laufverzeichnis ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="212"/>
        <source>Replay a finished run or follow one that isl-train is writing</source>
        <translation>Einen abgeschlossenen Lauf wiedergeben oder einem folgen, den isl-train gerade schreibt</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="213"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="214"/>
        <source>Continue the opened run from its last checkpoint, or start a new one</source>
        <translation>Den geöffneten Lauf ab seinem letzten Checkpoint fortsetzen oder einen neuen starten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="215"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="216"/>
        <source>Pause training after the current iteration</source>
        <translation>Training nach der laufenden Iteration anhalten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="217"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="218"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="219"/>
        <source>Finish the current iteration, write a checkpoint and end the run</source>
        <translation>Laufende Iteration abschließen, Checkpoint schreiben und den Lauf beenden</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="220"/>
        <source>&amp;Linear probe</source>
        <translation>&amp;Lineare Sonde</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="221"/>
        <source>Train a linear classifier on the current features at the next iteration boundary</source>
        <translation>An der nächsten Iterationsgrenze einen linearen Klassifikator auf den aktuellen Merkmalen trainieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="222"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="223"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="224"/>
        <source>Curves figure…</source>
        <translation>Kurvendiagramm…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="225"/>
        <source>3D view image…</source>
        <translation>Bild der 3D-Ansicht…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="226"/>
        <source>Inspector montage…</source>
        <translation>Montage des Inspektors…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="227"/>
        <source>Metrics as CSV…</source>
        <translation>Metriken als CSV…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="228"/>
        <source>Embeddings for TensorBoard…</source>
        <translation>Einbettungen für TensorBoard…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="229"/>
        <source>Copy of the checkpoint…</source>
        <translation>Kopie des Checkpoints…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="230"/>
        <source>Backbone weights for Python…</source>
        <translation>Backbone-Gewichte für Python…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="231"/>
        <source>Reset 3D &amp;view</source>
        <translation>3D-&amp;Ansicht zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="232"/>
        <source>&amp;About ISL Studio</source>
        <translation>Ü&amp;ber ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="233"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="234"/>
        <source>Recent runs</source>
        <translation>Zuletzt geöffnete Läufe</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="235"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="236"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="237"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="238"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="239"/>
        <source>Run controls</source>
        <translation>Laufsteuerung</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="240"/>
        <source>Anchor inspector</source>
        <translation>Anker-Inspektor</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="240"/>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="240"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="268"/>
        <source>saved settings</source>
        <translation>gespeicherte Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="270"/>
        <source>The last settings could not be restored (%1); using defaults.</source>
        <translation>Die letzten Einstellungen konnten nicht wiederhergestellt werden (%1); es werden die Standardwerte verwendet.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="284"/>
        <source>Starting a new run in %1</source>
        <translation>Neuer Lauf wird in %1 gestartet</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="295"/>
        <source>Continuing %1 from its last checkpoint</source>
        <translation>%1 wird ab dem letzten Checkpoint fortgesetzt</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="332"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="336"/>
        <source>This folder is not a readable run directory.
%1</source>
        <translation>Dieser Ordner ist kein lesbares Laufverzeichnis.
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="351"/>
        <source>Open run directory</source>
        <translation>Laufverzeichnis öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="359"/>
        <source>Stopping after the current iteration; a checkpoint will be written.</source>
        <translation>Stopp nach der laufenden Iteration; ein Checkpoint wird geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="370"/>
        <source>The run ended; its checkpoint is in %1</source>
        <translation>Der Lauf ist beendet; sein Checkpoint liegt in %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="386"/>
        <source>Training is running</source>
        <translation>Das Training läuft</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="387"/>
        <source>Stop the run, write a checkpoint and quit?</source>
        <translation>Lauf stoppen, Checkpoint schreiben und beenden?</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="35"/>
        <location filename="../app/studio/main_window_export.cpp" line="46"/>
        <location filename="../app/studio/main_window_export.cpp" line="94"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="53"/>
        <source>Export metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="54"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/main_window_export.cpp" line="58"/>
        <source>Saved %n metrics rows to %1</source>
        <translation>
            <numerusform>%n Metrikzeile in %1 gespeichert</numerusform>
            <numerusform>%n Metrikzeilen in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="66"/>
        <source>There is no snapshot to export yet.</source>
        <translation>Es gibt noch keinen Schnappschuss zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="67"/>
        <source>Folder for the TensorBoard projector files</source>
        <translation>Ordner für die Dateien des TensorBoard-Projektors</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="74"/>
        <source>Saved the projector files in %1</source>
        <translation>Projektordateien in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="89"/>
        <source>Copy the checkpoint</source>
        <translation>Checkpoint kopieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="90"/>
        <source>LibTorch checkpoint (*.pt)</source>
        <translation>LibTorch-Checkpoint (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="101"/>
        <source>Backbone weights for Python</source>
        <translation>Backbone-Gewichte für Python</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="102"/>
        <source>PyTorch state dict (*.pt)</source>
        <translation>PyTorch-State-Dict (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="106"/>
        <source>Saved %1; open it in Python with torch.load</source>
        <translation>%1 gespeichert; in Python mit torch.load öffnen</translation>
    </message>
</context>
<context>
    <name>isl::gui::Make</name>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="49"/>
        <source>Training failed: %1</source>
        <translation>Das Training ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>isl::gui::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferences_dialog.cpp" line="11"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/preferences_dialog.cpp" line="14"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../widgets/preferences_dialog.cpp" line="23"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>isl::gui::RunStatus</name>
    <message>
        <location filename="../widgets/run_status.cpp" line="14"/>
        <source>backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="15"/>
        <source>proxy GAN</source>
        <translation>Proxy-GAN</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="16"/>
        <source>mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="17"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="23"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="23"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="71"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="72"/>
        <source>stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="76"/>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="77"/>
        <source>Round %1 · %2 · epoch %3 · %4 backbone epochs</source>
        <translation>Runde %1 · %2 · Epoche %3 · %4 Backbone-Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="87"/>
        <source>Round %1/%2 · %3 · epoch %4</source>
        <translation>Runde %1/%2 · %3 · Epoche %4</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="90"/>
        <source>epoch %p%</source>
        <translation>Epoche %p%</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="93"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="94"/>
        <source>%1 images/s · %2 left in stage</source>
        <translation>%1 Bilder/s · noch %2 in dieser Phase</translation>
    </message>
</context>
<context>
    <name>isl::gui::SettingsDialog</name>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="32"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="33"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="34"/>
        <source>Schedule</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="35"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="36"/>
        <source>Optimiser</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="37"/>
        <source>Proxy GAN</source>
        <translation>Proxy-GAN</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="38"/>
        <source>Mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="39"/>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="40"/>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="56"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="84"/>
        <source>built-in MNIST digits</source>
        <translation>eingebaute MNIST-Ziffern</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="105"/>
        <source>comma-separated whole numbers</source>
        <translation>durch Kommas getrennte ganze Zahlen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="143"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="145"/>
        <source>Folder for the new run</source>
        <translation>Ordner für den neuen Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="149"/>
        <location filename="../widgets/settings_dialog.cpp" line="186"/>
        <source>Run directory</source>
        <translation>Laufverzeichnis</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="158"/>
        <source>Create run</source>
        <translation>Lauf anlegen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="185"/>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="186"/>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
</context>
<context>
    <name>isl::gui::SnapshotTimeline</name>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="20"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="21"/>
        <source>Show each new snapshot as it arrives</source>
        <translation>Jeden neuen Schnappschuss sofort anzeigen</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="22"/>
        <source>Snapshots of the run, one per snapshot interval; drag to replay</source>
        <translation>Schnappschüsse des Laufs, einer je Intervall; zum Wiedergeben ziehen</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="25"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="110"/>
        <source>Cannot show this snapshot: %1</source>
        <translation>Dieser Schnappschuss kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="126"/>
        <source>no snapshot</source>
        <translation>kein Schnappschuss</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="129"/>
        <source>epoch %1 · round %2 · %3 of %4</source>
        <translation>Epoche %1 · Runde %2 · %3 von %4</translation>
    </message>
</context>
</TS>
