<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ChartStyle</name>
    <message>
        <location filename="../widgets/chart_style.cpp" line="28"/>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="29"/>
        <source>instance term</source>
        <translation>Instanzterm</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="30"/>
        <source>set term</source>
        <translation>Mengenterm</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="31"/>
        <source>hard-positive term</source>
        <translation>Hard-Positive-Term</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="32"/>
        <source>kNN, memory bank</source>
        <translation>kNN, Speicherbank</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="33"/>
        <source>kNN, recomputed features</source>
        <translation>kNN, neu berechnete Merkmale</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="34"/>
        <source>kNN, recomputed features (evaluated on demand)</source>
        <translation>kNN, neu berechnete Merkmale (auf Anfrage ausgewertet)</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="35"/>
        <source>linear probe</source>
        <translation>lineare Probe</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="36"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="37"/>
        <source>generator loss</source>
        <translation>Generatorverlust</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="38"/>
        <source>discriminator loss</source>
        <translation>Diskriminatorverlust</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="39"/>
        <source>confidence in real triplets</source>
        <translation>Konfidenz für echte Tripel</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="40"/>
        <source>confidence in proxies</source>
        <translation>Konfidenz für Proxys</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="41"/>
        <source>mined pairs</source>
        <translation>gefundene Paare</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="42"/>
        <source>added in the pass</source>
        <translation>im Durchlauf hinzugefügt</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="43"/>
        <source>proxy confidence</source>
        <translation>Proxy-Konfidenz</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="44"/>
        <source>similarity to nearest memory entry</source>
        <translation>Ähnlichkeit zum nächsten Speichereintrag</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="45"/>
        <source>ISL sets, all sizes</source>
        <translation>ISL-Mengen, alle Größen</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="46"/>
        <source>Euclidean sets, all sizes</source>
        <translation>Euklidische Mengen, alle Größen</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="51"/>
        <source>ISL sets, first %1 members</source>
        <translation>ISL-Mengen, erste %1 Mitglieder</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="52"/>
        <source>Euclidean sets, %1 nearest members</source>
        <translation>Euklidische Mengen, %1 nächste Mitglieder</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="88"/>
        <source>Euclidean sets</source>
        <translation>Euklidische Mengen</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="89"/>
        <source>ISL sets</source>
        <translation>ISL-Mengen</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="93"/>
        <source>precision (share of members with the anchor&apos;s label)</source>
        <translation>Präzision (Anteil der Mitglieder mit der Klasse des Ankers)</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="96"/>
        <source>top-1 accuracy (share of test images)</source>
        <translation>Top-1-Genauigkeit (Anteil der Testbilder)</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="98"/>
        <source>backbone epoch</source>
        <translation>Backbone-Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="100"/>
        <source>set size (members counted per anchor)</source>
        <translation>Mengengröße (gezählte Mitglieder je Anker)</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="25"/>
        <source>Export figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="26"/>
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
        <location filename="../widgets/anchor_inspector.cpp" line="205"/>
        <source>Nearest</source>
        <translation>Nächste</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="208"/>
        <source>Not among the anchors sampled for the Euclidean comparison in this snapshot.</source>
        <translation>Nicht unter den Ankern, die in diesem Schnappschuss für den euklidischen Vergleich ausgewählt wurden.</translation>
    </message>
</context>
<context>
    <name>isl::gui::CommandLine</name>
    <message>
        <location filename="../app/studio/command_line.cpp" line="10"/>
        <source>Trains Instance Similarity Learning and shows what the method does while it trains.</source>
        <translation>Trainiert Instance Similarity Learning und zeigt, was die Methode während des Trainings tut.</translation>
    </message>
    <message>
        <location filename="../app/studio/command_line.cpp" line="16"/>
        <source>Run directory to open at start: a run to replay, or one that isl-train is writing, to follow.</source>
        <translation>Laufverzeichnis, das beim Start geöffnet wird: ein Lauf zum Wiedergeben oder einer, den isl-train gerade schreibt, zum Verfolgen.</translation>
    </message>
    <message>
        <location filename="../app/studio/command_line.cpp" line="24"/>
        <source>Give at most one run directory, not %1: %2</source>
        <translation>Bitte höchstens ein Laufverzeichnis angeben, nicht %1: %2</translation>
    </message>
</context>
<context>
    <name>isl::gui::CurvesPanel</name>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>Positive-set precision</source>
        <translation>Präzision der Positivmengen</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>kNN accuracy</source>
        <translation>kNN-Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="48"/>
        <source>Mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="48"/>
        <source>Proxy GAN</source>
        <translation>Proxy-GAN</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="48"/>
        <source>Proxies</source>
        <translation>Proxys</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="49"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="50"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="51"/>
        <source>loss / confidence</source>
        <translation>Verlust / Konfidenz</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="51"/>
        <source>pairs</source>
        <translation>Paare</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="51"/>
        <source>confidence / cosine similarity</source>
        <translation>Konfidenz / Kosinus-Ähnlichkeit</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="56"/>
        <source>mining pass (all rounds)</source>
        <translation>Mining-Durchlauf (alle Runden)</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="55"/>
        <source>GAN epoch (all rounds)</source>
        <translation>GAN-Epoche (alle Runden)</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>Backbone loss</source>
        <translation>Backbone-Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="123"/>
        <source>%1 = %2 at %3</source>
        <translation>%1 = %2 bei %3</translation>
    </message>
</context>
<context>
    <name>isl::gui::EmbeddingView</name>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="132"/>
        <source>Colour by label</source>
        <translation>Nach Klasse färben</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="132"/>
        <source>Colour by positive-set size</source>
        <translation>Nach Größe der Positivmenge färben</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="133"/>
        <source>Colour by the anchor&apos;s positive set</source>
        <translation>Nach Positivmenge des Ankers färben</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="135"/>
        <source>What the colour of each point shows. Labels are an evaluation aid only; training never sees them.</source>
        <translation>Was die Farbe jedes Punkts zeigt. Klassen dienen nur der Auswertung; das Training sieht sie nie.</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="136"/>
        <source>Reset the camera to show every point</source>
        <translation>Kamera zurücksetzen, sodass alle Punkte sichtbar sind</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="398"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="399"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… %n weitere</numerusform>
            <numerusform>… %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="400"/>
        <source>Label</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="404"/>
        <source>Positive-set size (log)</source>
        <translation>Größe der Positivmenge (log)</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="406"/>
        <source>Anchor&apos;s positive set</source>
        <translation>Positivmenge des Ankers</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="406"/>
        <source>anchor</source>
        <translation>Anker</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="407"/>
        <source>positive, same label</source>
        <translation>Positiv, gleiche Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="408"/>
        <source>positive, other label</source>
        <translation>Positiv, andere Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="409"/>
        <source>not in the set</source>
        <translation>nicht in der Menge</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="417"/>
        <source>No run yet. Start a run or open a run directory.</source>
        <translation>Noch kein Lauf. Starten Sie einen Lauf oder öffnen Sie ein Laufverzeichnis.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="423"/>
        <source>Round %1 · %2 · epoch %3 · %n images</source>
        <translation>
            <numerusform>Runde %1 · %2 · Epoche %3 · %n Bild</numerusform>
            <numerusform>Runde %1 · %2 · Epoche %3 · %n Bilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="426"/>
        <source>Anchor %1 (label %2), %3 positives</source>
        <translation>Anker %1 (Klasse %2), %3 Positive</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="430"/>
        <source>Proxy confidence %1</source>
        <translation>Konfidenz des Proxys %1</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="441"/>
        <source>This snapshot cannot place proxies made now (it holds no projection of its own)</source>
        <translation>Dieser Schnappschuss kann jetzt erzeugte Proxys nicht einordnen (er enthält keine eigene Projektion)</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="443"/>
        <source>%n proxies made now, the best with confidence %1</source>
        <translation>
            <numerusform>%n Proxy jetzt erzeugt, der beste mit Konfidenz %1</numerusform>
            <numerusform>%n Proxys jetzt erzeugt, der beste mit Konfidenz %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="444"/>
        <source>The generator has not been trained yet: these proxies are noise</source>
        <translation>Der Generator ist noch nicht trainiert: diese Proxys sind Rauschen</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="446"/>
        <source>Below the threshold %1: this anchor mines nothing now</source>
        <translation>Unter der Schwelle %1: dieser Anker findet jetzt nichts</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="447"/>
        <source>Mining region: cosine to the best proxy above %1; %2 of its %3 nearest images would join</source>
        <translation>Mining-Region: Kosinus zum besten Proxy über %1; %2 seiner %3 nächsten Bilder kämen hinzu</translation>
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
        <location filename="../app/studio/main_window_run_actions.cpp" line="53"/>
        <source>Training paused</source>
        <translation>Training angehalten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="83"/>
        <source>Thumbnails are not available: %1</source>
        <translation>Vorschaubilder sind nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="211"/>
        <source>About ISL Studio</source>
        <translation>Über ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="212"/>
        <source>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;Watch and steer Instance Similarity Learning training live.</source>
        <translation>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;Das Training von Instance Similarity Learning live beobachten und steuern.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="246"/>
        <location filename="../app/studio/main_window.cpp" line="429"/>
        <source>ISL Studio</source>
        <translation>ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="246"/>
        <source>ISL Studio — %1</source>
        <translation>ISL Studio — %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="247"/>
        <source>&amp;New run…</source>
        <translation>&amp;Neuer Lauf…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="248"/>
        <source>Choose a data set, backbone and hyperparameters and start training</source>
        <translation>Datensatz, Backbone und Hyperparameter wählen und das Training starten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="249"/>
        <source>&amp;Open run directory…</source>
        <translation>Laufverzeichnis ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="250"/>
        <source>Replay a finished run or follow one that isl-train is writing</source>
        <translation>Einen abgeschlossenen Lauf wiedergeben oder einem folgen, den isl-train gerade schreibt</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="251"/>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="252"/>
        <source>Continue the opened run from its last checkpoint, or start a new one</source>
        <translation>Den geöffneten Lauf ab seinem letzten Checkpoint fortsetzen oder einen neuen starten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="253"/>
        <source>&amp;Continue with changed settings…</source>
        <translation>&amp;Mit geänderten Einstellungen fortsetzen…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="254"/>
        <source>Change the settings that the run&apos;s saved state allows (more rounds or epochs, learning rates, device, …) and continue it from its last checkpoint</source>
        <translation>Die Einstellungen ändern, die der gespeicherte Zustand des Laufs zulässt (mehr Runden oder Epochen, Lernraten, Gerät, …), und ihn ab seinem letzten Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="256"/>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="257"/>
        <source>Pause training after the current iteration</source>
        <translation>Training nach der laufenden Iteration anhalten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="258"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="259"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="260"/>
        <source>Finish the current iteration, write a checkpoint and end the run</source>
        <translation>Laufende Iteration abschließen, Checkpoint schreiben und den Lauf beenden</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="261"/>
        <source>&amp;Linear probe</source>
        <translation>&amp;Lineare Sonde</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="262"/>
        <source>Train a linear classifier on the conv5 features and record its accuracy in the run&apos;s metrics: at the next iteration boundary while training, or on the opened run&apos;s last checkpoint</source>
        <translation>Einen linearen Klassifikator auf den conv5-Merkmalen trainieren und seine Genauigkeit in den Metriken des Laufs festhalten: während des Trainings an der nächsten Iterationsgrenze, sonst am letzten Checkpoint des geöffneten Laufs</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="264"/>
        <source>E&amp;valuate</source>
        <translation>&amp;Auswerten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="265"/>
        <source>Evaluate the opened run&apos;s last checkpoint: kNN on the memory bank and on features recomputed without augmentation, and positive-set precision; recorded in its metrics</source>
        <translation>Den letzten Checkpoint des geöffneten Laufs auswerten: kNN auf der Speicherbank und auf ohne Augmentierung neu berechneten Merkmalen sowie die Präzision der Positivmengen; in seinen Metriken festgehalten</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="267"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="268"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="269"/>
        <source>Curves figure…</source>
        <translation>Kurvendiagramm…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="270"/>
        <source>3D view image…</source>
        <translation>Bild der 3D-Ansicht…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="271"/>
        <source>Inspector montage…</source>
        <translation>Montage des Inspektors…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="272"/>
        <source>Metrics as CSV…</source>
        <translation>Metriken als CSV…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="273"/>
        <source>Embeddings for TensorBoard…</source>
        <translation>Einbettungen für TensorBoard…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="274"/>
        <source>TensorBoard scalars…</source>
        <translation>TensorBoard-Skalare…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="275"/>
        <source>Write the shown run&apos;s metrics as a TensorBoard event file, to view with tensorboard --logdir</source>
        <translation>Die Metriken des angezeigten Laufs als TensorBoard-Ereignisdatei schreiben, anzusehen mit tensorboard --logdir</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="276"/>
        <source>Copy of the checkpoint…</source>
        <translation>Kopie des Checkpoints…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="277"/>
        <source>Backbone weights for Python…</source>
        <translation>Backbone-Gewichte für Python…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="278"/>
        <source>Reset 3D &amp;view</source>
        <translation>3D-&amp;Ansicht zurücksetzen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="279"/>
        <source>&amp;About ISL Studio</source>
        <translation>Ü&amp;ber ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="280"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="281"/>
        <source>Recent runs</source>
        <translation>Zuletzt geöffnete Läufe</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="282"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="283"/>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="284"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="285"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="286"/>
        <source>Run controls</source>
        <translation>Laufsteuerung</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="287"/>
        <source>Anchor inspector</source>
        <translation>Anker-Inspektor</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="287"/>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="287"/>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="321"/>
        <source>saved settings</source>
        <translation>gespeicherte Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="323"/>
        <source>The last settings could not be restored (%1); using defaults.</source>
        <translation>Die letzten Einstellungen konnten nicht wiederhergestellt werden (%1); es werden die Standardwerte verwendet.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="337"/>
        <source>Starting a new run in %1</source>
        <translation>Neuer Lauf wird in %1 gestartet</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="26"/>
        <source>Continuing %1 from its last checkpoint with changed settings</source>
        <translation>%1 wird ab dem letzten Checkpoint mit geänderten Einstellungen fortgesetzt</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="27"/>
        <source>Continuing %1 from its last checkpoint</source>
        <translation>%1 wird ab dem letzten Checkpoint fortgesetzt</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="54"/>
        <source>Change settings and continue…</source>
        <translation>Einstellungen ändern und fortsetzen…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="55"/>
        <source>Keep it paused</source>
        <translation>Pausiert lassen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="66"/>
        <source>Linear probe on the last checkpoint of %1…</source>
        <translation>Lineare Sonde am letzten Checkpoint von %1…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="67"/>
        <source>Evaluating the last checkpoint of %1…</source>
        <translation>Der letzte Checkpoint von %1 wird ausgewertet…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="68"/>
        <source>Linear probe…</source>
        <translation>Lineare Sonde…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="68"/>
        <source>Evaluating…</source>
        <translation>Auswertung…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="85"/>
        <source>Evaluated: kNN top-1 %1 on the memory bank, %2 on recomputed features; positive-set precision %3 (ISL) vs %4 (Euclidean)</source>
        <translation>Ausgewertet: kNN Top-1 %1 auf der Speicherbank, %2 auf neu berechneten Merkmalen; Präzision der Positivmengen %3 (ISL) gegenüber %4 (euklidisch)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="380"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="384"/>
        <source>This folder is not a readable run directory.
%1</source>
        <translation>Dieser Ordner ist kein lesbares Laufverzeichnis.
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="399"/>
        <source>Open run directory</source>
        <translation>Laufverzeichnis öffnen</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="407"/>
        <source>Stopping after the current iteration; a checkpoint will be written.</source>
        <translation>Stopp nach der laufenden Iteration; ein Checkpoint wird geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="418"/>
        <source>The run ended; its checkpoint is in %1</source>
        <translation>Der Lauf ist beendet; sein Checkpoint liegt in %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="435"/>
        <source>Training is running</source>
        <translation>Das Training läuft</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="436"/>
        <source>Stop the run, write a checkpoint and quit?</source>
        <translation>Lauf stoppen, Checkpoint schreiben und beenden?</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="38"/>
        <location filename="../app/studio/main_window_export.cpp" line="49"/>
        <location filename="../app/studio/main_window_export.cpp" line="140"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="56"/>
        <source>Export metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="57"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/main_window_export.cpp" line="61"/>
        <source>Saved %n metrics rows to %1</source>
        <translation>
            <numerusform>%n Metrikzeile in %1 gespeichert</numerusform>
            <numerusform>%n Metrikzeilen in %1 gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="68"/>
        <location filename="../app/studio/main_window_export.cpp" line="106"/>
        <source>There is no run to export yet.</source>
        <translation>Es gibt noch keinen Lauf zum Exportieren.</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="71"/>
        <source>Folder for the TensorBoard projector files</source>
        <translation>Ordner für die Dateien des TensorBoard-Projektors</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="75"/>
        <source>Recompute the features without augmentation (slower)</source>
        <translation>Merkmale ohne Augmentierung neu berechnen (langsamer)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="76"/>
        <source>Run the checkpoint&apos;s backbone over the training images instead of exporting the memory bank, which averages augmented views</source>
        <translation>Das Backbone des Checkpoints über die Trainingsbilder laufen lassen, statt die Speicherbank zu exportieren, die augmentierte Ansichten mittelt</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="90"/>
        <source>Saved the projector files in %1</source>
        <translation>Projektordateien in %1 gespeichert</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="108"/>
        <source>Folder for the TensorBoard event file</source>
        <translation>Ordner für die TensorBoard-Ereignisdatei</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="120"/>
        <source>Saved the TensorBoard event file %1; view it with tensorboard --logdir %2</source>
        <translation>TensorBoard-Ereignisdatei %1 gespeichert; anzusehen mit tensorboard --logdir %2</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="122"/>
        <source>The TensorBoard event file could not be written.
%1</source>
        <translation>Die TensorBoard-Ereignisdatei konnte nicht geschrieben werden.
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="135"/>
        <source>Copy the checkpoint</source>
        <translation>Checkpoint kopieren</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="136"/>
        <source>LibTorch checkpoint (*.pt)</source>
        <translation>LibTorch-Checkpoint (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="147"/>
        <source>Backbone weights for Python</source>
        <translation>Backbone-Gewichte für Python</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="148"/>
        <source>PyTorch state dict (*.pt)</source>
        <translation>PyTorch-State-Dict (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="152"/>
        <source>Saved %1; open it in Python with torch.load</source>
        <translation>%1 gespeichert; in Python mit torch.load öffnen</translation>
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
        <location filename="../widgets/run_status.cpp" line="15"/>
        <source>backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="16"/>
        <source>proxy GAN</source>
        <translation>Proxy-GAN</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="17"/>
        <source>mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="18"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Stopping</source>
        <translation>Wird gestoppt</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="26"/>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="26"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="40"/>
        <source>loss %1 · learning rate %2</source>
        <translation>Verlust %1 · Lernrate %2</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="43"/>
        <source>generator loss %1</source>
        <translation>Generatorverlust %1</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="44"/>
        <source>proxy confidence %1</source>
        <translation>Proxy-Konfidenz %1</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="93"/>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="94"/>
        <source>Round %1 · %2 · epoch %3 · %4 backbone epochs</source>
        <translation>Runde %1 · %2 · Epoche %3 · %4 Backbone-Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="103"/>
        <source>snapshot %1 of %2</source>
        <translation>Schnappschuss %1 von %2</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="128"/>
        <source>Round %1/%2 · %3 · epoch %4</source>
        <translation>Runde %1/%2 · %3 · Epoche %4</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="131"/>
        <source>epoch %p%</source>
        <translation>Epoche %p%</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="134"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="136"/>
        <source>%1 images/s · %2 left in stage</source>
        <translation>%1 Bilder/s · noch %2 in dieser Phase</translation>
    </message>
</context>
<context>
    <name>isl::gui::SettingTexts</name>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="20"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="21"/>
        <source>Data set format: the built-in MNIST digits, CIFAR-10/100 binary, SVHN .mat, or an image folder in ImageNet layout.</source>
        <translation>Format des Datensatzes: die eingebauten MNIST-Ziffern, CIFAR-10/100 im Binärformat, SVHN .mat oder ein Bildordner im ImageNet-Layout.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="22"/>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="23"/>
        <source>Folder holding the data set files; empty uses the built-in MNIST digits.</source>
        <translation>Ordner mit den Dateien des Datensatzes; leer bedeutet die eingebauten MNIST-Ziffern.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="24"/>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="25"/>
        <source>Train on only the first N training images (0 = all), for quick runs.</source>
        <translation>Nur mit den ersten N Trainingsbildern trainieren (0 = alle), für schnelle Läufe.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="26"/>
        <source>Test images</source>
        <translation>Testbilder</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="27"/>
        <source>Evaluate on only the first N test images (0 = all).</source>
        <translation>Nur auf den ersten N Testbildern auswerten (0 = alle).</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="28"/>
        <source>Backbone</source>
        <translation>Backbone</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="29"/>
        <source>Backbone network.</source>
        <translation>Backbone-Netz.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="30"/>
        <source>ImageNet stem</source>
        <translation>ImageNet-Eingangsstufe</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="31"/>
        <source>Use the 224-pixel ImageNet stem instead of the 32-pixel CIFAR one.</source>
        <translation>Die ImageNet-Eingangsstufe für 224 Pixel statt der CIFAR-Eingangsstufe für 32 Pixel verwenden.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="32"/>
        <source>Feature dimension</source>
        <translation>Merkmalsdimension</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="33"/>
        <source>Dimension D of the L2-normalised features and the memory bank.</source>
        <translation>Dimension D der L2-normierten Merkmale und der Memory Bank.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="34"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="35"/>
        <source>isl: mine positives with the proxy GAN; instance: no mining (instance discrimination); euclidean: nearest memory entries with the same set sizes as ISL.</source>
        <translation>isl: Positive mit dem Proxy-GAN finden; instance: kein Mining (Instanzdiskriminierung); euclidean: die nächsten Einträge der Memory Bank, mit denselben Mengengrößen wie ISL.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="36"/>
        <source>Rounds</source>
        <translation>Runden</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="37"/>
        <source>Rounds of backbone training, GAN training and mining.</source>
        <translation>Runden aus Backbone-Training, GAN-Training und Mining.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="38"/>
        <source>Backbone epochs</source>
        <translation>Backbone-Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="39"/>
        <source>Backbone epochs per round.</source>
        <translation>Backbone-Epochen pro Runde.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="40"/>
        <source>GAN epochs</source>
        <translation>GAN-Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="41"/>
        <source>Most GAN epochs per round; the early-stop rule usually ends sooner.</source>
        <translation>Höchstzahl der GAN-Epochen pro Runde; meist beendet die Abbruchregel das GAN-Training früher.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="42"/>
        <source>Mining passes</source>
        <translation>Mining-Durchläufe</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="43"/>
        <source>Most mining passes per round; the pairs-per-image target usually ends sooner.</source>
        <translation>Höchstzahl der Mining-Durchläufe pro Runde; meist endet das Mining früher, sobald das Ziel an Paaren pro Bild erreicht ist.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="44"/>
        <source>Least GAN epochs in round 1</source>
        <translation>Mindestzahl GAN-Epochen in Runde 1</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="45"/>
        <source>Least GAN epochs in the first round.</source>
        <translation>Mindestzahl der GAN-Epochen in der ersten Runde.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="46"/>
        <source>Evaluate every</source>
        <translation>Auswerten alle</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="47"/>
        <source>Evaluate (kNN, set precision) every E backbone epochs.</source>
        <translation>Alle E Backbone-Epochen auswerten (kNN, Präzision der Mengen).</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="48"/>
        <source>Snapshot every</source>
        <translation>Schnappschuss alle</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="49"/>
        <source>Write a snapshot for the viewer every S epochs.</source>
        <translation>Alle S Epochen einen Schnappschuss für die Anzeige schreiben.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="50"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="51"/>
        <source>Images per batch.</source>
        <translation>Bilder pro Batch.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="52"/>
        <source>Random seed</source>
        <translation>Zufallsstartwert</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="53"/>
        <source>Seed of every random draw; the same seed on CPU repeats a run exactly.</source>
        <translation>Startwert jeder Zufallsziehung; derselbe Startwert wiederholt einen Lauf auf der CPU exakt.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="54"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="55"/>
        <source>Softmax temperature T over the memory bank.</source>
        <translation>Softmax-Temperatur T über der Memory Bank.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="56"/>
        <source>Memory momentum</source>
        <translation>Momentum der Memory Bank</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="57"/>
        <source>Memory update momentum eta: M_i &lt;- normalise(eta M_i + (1 - eta) f_i).</source>
        <translation>Momentum eta der Aktualisierung der Memory Bank: M_i &lt;- normalise(eta M_i + (1 - eta) f_i).</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="58"/>
        <source>Hard-positive weight</source>
        <translation>Gewicht des harten Positivs</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="59"/>
        <source>Weight lambda of the hard-positive enhancement term; 0 is ISL without HPE.</source>
        <translation>Gewicht lambda des Terms zur Verstärkung harter Positive (HPE); 0 ist ISL ohne HPE.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="60"/>
        <source>Hard positive</source>
        <translation>Hartes Positiv</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="61"/>
        <source>Which positive is the hard one: the most similar (authors&apos; code) or the least similar (paper text).</source>
        <translation>Welches Positiv das harte ist: das ähnlichste (Code der Autoren) oder das unähnlichste (Text des Artikels).</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="62"/>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="63"/>
        <source>Backbone SGD learning rate.</source>
        <translation>SGD-Lernrate des Backbones.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="64"/>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="65"/>
        <source>Backbone SGD momentum.</source>
        <translation>SGD-Momentum des Backbones.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="66"/>
        <source>Weight decay</source>
        <translation>Weight Decay</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="67"/>
        <source>Backbone SGD weight decay.</source>
        <translation>SGD-Weight-Decay des Backbones.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="68"/>
        <source>Learning-rate schedule</source>
        <translation>Lernratenplan</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="69"/>
        <source>plateau: multiply the rate by lr_factor once kNN accuracy has not gained for more than lr_patience evaluations in a row (PyTorch&apos;s ReduceLROnPlateau); step: x0.1 at 50% and 75% of each round&apos;s epochs.</source>
        <translation>plateau: die Rate mit lr_factor multiplizieren, sobald die kNN-Genauigkeit mehr als lr_patience Auswertungen in Folge nicht gestiegen ist (PyTorchs ReduceLROnPlateau); step: x0,1 bei 50 % und 75 % der Epochen jeder Runde.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="73"/>
        <source>Evaluations in a row without a gain that the plateau schedule tolerates; the next one lowers the rate.</source>
        <translation>Aufeinanderfolgende Auswertungen ohne Gewinn, die der Plateau-Plan hinnimmt; die nächste senkt die Rate.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="108"/>
        <source>BatchNorm over all processes</source>
        <translation>BatchNorm über alle Prozesse</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="109"/>
        <source>With several processes, BatchNorm normalises over the whole global batch (all ranks&apos; shards) instead of each process&apos;s shard.</source>
        <translation>Bei mehreren Prozessen normalisiert BatchNorm über den ganzen globalen Batch (die Anteile aller Ränge) statt über den Anteil jedes Prozesses.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="70"/>
        <source>Plateau factor</source>
        <translation>Plateau-Faktor</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="71"/>
        <source>Factor of the plateau schedule.</source>
        <translation>Faktor des Plateau-Plans.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="72"/>
        <source>Plateau patience</source>
        <translation>Plateau-Geduld</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="74"/>
        <source>GAN learning rate</source>
        <translation>GAN-Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="75"/>
        <source>Adam learning rate of the proxy generator and discriminator.</source>
        <translation>Adam-Lernrate des Proxy-Generators und des Diskriminators.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="76"/>
        <source>Hardness balance</source>
        <translation>Härteausgleich</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="77"/>
        <source>Hardness balance lambda_g: larger pushes proxies towards negatives (bolder exploration).</source>
        <translation>Härteausgleich lambda_g: größere Werte schieben die Proxys zu den Negativen hin (kühnere Erkundung).</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="78"/>
        <source>Converged generator loss</source>
        <translation>Generatorverlust bei Konvergenz</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="79"/>
        <source>Generator loss under which GAN training counts as converged.</source>
        <translation>Generatorverlust, unterhalb dessen das GAN-Training als konvergiert gilt.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="80"/>
        <source>Negative candidates</source>
        <translation>Negativkandidaten</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="81"/>
        <source>K: random non-positives drawn per anchor; the most similar is the triplet&apos;s negative.</source>
        <translation>K: pro Anker zufällig gezogene Nicht-Positive; das ähnlichste wird das Negativ des Tripels.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="82"/>
        <source>Triplet positive</source>
        <translation>Positiv des Tripels</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="83"/>
        <source>The triplet&apos;s positive: the anchor&apos;s own memory entry (authors&apos; code) or a random member of its positive set.</source>
        <translation>Das Positiv des Tripels: der eigene Eintrag des Ankers in der Memory Bank (Code der Autoren) oder ein zufälliges Mitglied seiner Positivmenge.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="84"/>
        <source>Proxies per anchor</source>
        <translation>Proxys pro Anker</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="85"/>
        <source>S: triplets (and proxies) sampled per anchor when mining; the most confident proxy is used.</source>
        <translation>S: beim Mining pro Anker gezogene Tripel (und Proxys); verwendet wird der Proxy mit der höchsten Konfidenz.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="86"/>
        <source>Confidence threshold</source>
        <translation>Konfidenzschwelle</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="87"/>
        <source>theta: a proxy mines only if the discriminator&apos;s confidence exceeds this.</source>
        <translation>theta: ein Proxy findet nur dann Positive, wenn die Konfidenz des Diskriminators diesen Wert übersteigt.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="88"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="89"/>
        <source>R: cosine-similarity threshold around a fully confident proxy; lower confidence narrows the region.</source>
        <translation>R: Schwelle der Kosinus-Ähnlichkeit um einen voll konfidenten Proxy; geringere Konfidenz verengt die Region.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="90"/>
        <source>Mining candidates</source>
        <translation>Mining-Kandidaten</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="91"/>
        <source>k: nearest memory entries to a proxy that may join the positive set.</source>
        <translation>k: die einem Proxy nächsten Einträge der Memory Bank, die in die Positivmenge aufgenommen werden können.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="92"/>
        <source>Pairs per image per round</source>
        <translation>Paare pro Bild und Runde</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="93"/>
        <source>Mining in round r stops once mined pairs per image exceed (r + 1) times this.</source>
        <translation>Das Mining in Runde r endet, sobald die gefundenen Paare pro Bild das (r + 1)-Fache dieses Werts übersteigen.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="94"/>
        <source>kNN neighbours</source>
        <translation>kNN-Nachbarn</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="95"/>
        <source>Neighbours of the weighted kNN classifier.</source>
        <translation>Nachbarn des gewichteten kNN-Klassifikators.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="96"/>
        <source>kNN temperature</source>
        <translation>kNN-Temperatur</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="97"/>
        <source>Temperature sigma of the kNN vote weights exp(s / sigma).</source>
        <translation>Temperatur sigma der kNN-Stimmgewichte exp(s / sigma).</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="98"/>
        <source>Precision set sizes</source>
        <translation>Mengengrößen für die Präzision</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="99"/>
        <source>Set sizes at which positive-set precision is compared with Euclidean neighbours (paper Fig. 3).</source>
        <translation>Mengengrößen, bei denen die Präzision der Positivmengen mit euklidischen Nachbarn verglichen wird (Artikel, Abb. 3).</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="100"/>
        <source>Tracked anchors</source>
        <translation>Verfolgte Anker</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="101"/>
        <source>Anchors whose proxies each snapshot records for the viewer.</source>
        <translation>Anker, deren Proxys jeder Schnappschuss für die Anzeige festhält.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="102"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="103"/>
        <source>Where to train: cuda when LibTorch has it and a GPU is present (auto), or force cpu / cuda.</source>
        <translation>Wo trainiert wird: cuda, wenn LibTorch es unterstützt und eine GPU vorhanden ist (auto), oder fest cpu / cuda.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="104"/>
        <source>Arithmetic precision</source>
        <translation>Rechengenauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="105"/>
        <source>Backbone arithmetic: bf16 autocast where the CPU has bf16 units (auto), or force fp32 / bf16. Memory bank, softmax and losses stay fp32.</source>
        <translation>Arithmetik des Backbones: bf16-Autocast, wo die CPU bf16-Einheiten hat (auto), oder fest fp32 / bf16. Memory Bank, Softmax und Verluste bleiben fp32.</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="106"/>
        <source>Loader threads</source>
        <translation>Lade-Threads</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="107"/>
        <source>Threads preparing batches ahead of the network.</source>
        <translation>Threads, die die Batches für das Netz im Voraus vorbereiten.</translation>
    </message>
</context>
<context>
    <name>isl::gui::SettingsDialog</name>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="34"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="35"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="36"/>
        <source>Schedule</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="37"/>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="38"/>
        <source>Optimiser</source>
        <translation>Optimierer</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="39"/>
        <source>Proxy GAN</source>
        <translation>Proxy-GAN</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="40"/>
        <source>Mining</source>
        <translation>Mining</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="41"/>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="42"/>
        <source>Execution</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="63"/>
        <source>New run</source>
        <translation>Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="63"/>
        <source>Change settings and continue</source>
        <translation>Einstellungen ändern und fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="91"/>
        <source>built-in MNIST digits</source>
        <translation>eingebaute MNIST-Ziffern</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="112"/>
        <source>comma-separated whole numbers</source>
        <translation>durch Kommas getrennte ganze Zahlen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="148"/>
        <source>Fixed for this run: its saved network, memory bank and positive sets depend on this setting, and changing it would make them meaningless. Start a new run to change it.</source>
        <translation>Für diesen Lauf festgelegt: Das gespeicherte Netz, die Speicherbank und die Positivmengen hängen von dieser Einstellung ab, eine Änderung würde sie bedeutungslos machen. Starten Sie einen neuen Lauf, um sie zu ändern.</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="160"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="162"/>
        <source>Folder for the new run</source>
        <translation>Ordner für den neuen Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="173"/>
        <location filename="../widgets/settings_dialog.cpp" line="220"/>
        <source>Run directory</source>
        <translation>Laufverzeichnis</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="182"/>
        <source>Create run</source>
        <translation>Lauf anlegen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="182"/>
        <source>Continue run</source>
        <translation>Lauf fortsetzen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="187"/>
        <source>The run continues from its last checkpoint with these settings. The greyed-out settings are fixed for this run: its saved state depends on them.</source>
        <translation>Der Lauf wird ab seinem letzten Checkpoint mit diesen Einstellungen fortgesetzt. Die ausgegrauten Einstellungen sind für diesen Lauf festgelegt: Sein gespeicherter Zustand hängt von ihnen ab.</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="218"/>
        <location filename="../widgets/settings_dialog.cpp" line="219"/>
        <source>settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="220"/>
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
<context>
    <name>isl::gui::TrainingWorker</name>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="86"/>
        <source>No proxies for image %1: %2</source>
        <translation>Keine Proxys für Bild %1: %2</translation>
    </message>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="149"/>
        <source>Evaluation failed: %1</source>
        <translation>Auswertung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="160"/>
        <location filename="../app/studio/training_worker.cpp" line="161"/>
        <source>Training failed: %1</source>
        <translation>Das Training ist fehlgeschlagen: %1</translation>
    </message>
</context>
</TS>
