<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="22"/>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="23"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>isl::gui::AnchorInspector</name>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="85"/>
        <source>Anchor</source>
        <translation>锚点</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="86"/>
        <source>Index of the training image to inspect</source>
        <translation>要查看的训练图像的索引</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="87"/>
        <source>Next with positives</source>
        <translation>下一个有正样本的</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="88"/>
        <source>Jump to the next image whose positive set holds more than itself</source>
        <translation>跳到正样本集合中不只包含自身的下一张图像</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="145"/>
        <source>Image %1, label %2. Click to make it the anchor.</source>
        <translation>图像 %1，标签 %2。单击将其设为锚点。</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="155"/>
        <source>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %2 of %3 share the anchor&apos;s label</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &amp;nbsp; %3 个中有 %2 个与锚点标签相同</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/anchor_inspector.cpp" line="165"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="175"/>
        <source>Click a point in the 3D view, or type an index, to inspect an anchor.</source>
        <translation>在三维视图中单击一个点，或输入索引，以查看锚点。</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="176"/>
        <source>No snapshot yet.</source>
        <translation>尚无快照。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/anchor_inspector.cpp" line="193"/>
        <source>&lt;b&gt;Image %1&lt;/b&gt;&lt;br&gt;label %2 (evaluation aid only)&lt;br&gt;%n mined positives</source>
        <translation>
            <numerusform>&lt;b&gt;图像 %1&lt;/b&gt;&lt;br&gt;标签 %2（仅用于评估）&lt;br&gt;挖掘到 %n 个正样本</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="197"/>
        <source>&lt;h3&gt;ISL positive set&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;ISL 正样本集合&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="198"/>
        <source>No positives mined yet.</source>
        <translation>尚未挖掘到正样本。</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="200"/>
        <source>Round %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="203"/>
        <source>&lt;h3&gt;Euclidean neighbours&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;欧氏近邻&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="204"/>
        <source>Nearest</source>
        <translation>最近邻</translation>
    </message>
</context>
<context>
    <name>isl::gui::CurvesPanel</name>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>Positive-set precision</source>
        <translation>正样本集合精度</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>Losses</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>kNN accuracy</source>
        <translation>kNN 准确率</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="65"/>
        <source>GAN</source>
        <translation>GAN</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="66"/>
        <source>Mining</source>
        <translation>挖掘</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>top-1 accuracy</source>
        <translation>Top-1 准确率</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="67"/>
        <source>mined pairs</source>
        <translation>挖掘的样本对</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="71"/>
        <source>GAN epoch (all rounds)</source>
        <translation>GAN 轮次（所有轮）</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="71"/>
        <source>backbone epoch</source>
        <translation>主干网络轮次</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="120"/>
        <source>%1 = %2 at %3</source>
        <translation>%1 = %2（位于 %3）</translation>
    </message>
</context>
<context>
    <name>isl::gui::EmbeddingView</name>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="131"/>
        <source>Colour by label</source>
        <translation>按标签着色</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="131"/>
        <source>Colour by positive-set size</source>
        <translation>按正样本集合大小着色</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="132"/>
        <source>Colour by the anchor&apos;s positive set</source>
        <translation>按锚点的正样本集合着色</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="134"/>
        <source>What the colour of each point shows. Labels are an evaluation aid only; training never sees them.</source>
        <translation>每个点的颜色所表示的内容。标签仅用于评估，训练从不使用它们。</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="135"/>
        <source>Reset the camera to show every point</source>
        <translation>重置相机以显示所有点</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="335"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="336"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… 另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="337"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="341"/>
        <source>Positive-set size (log)</source>
        <translation>正样本集合大小（对数）</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="343"/>
        <source>Anchor&apos;s positive set</source>
        <translation>锚点的正样本集合</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="343"/>
        <source>anchor</source>
        <translation>锚点</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="344"/>
        <source>positive, same label</source>
        <translation>正样本，标签相同</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="345"/>
        <source>positive, other label</source>
        <translation>正样本，标签不同</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="346"/>
        <source>not in the set</source>
        <translation>不在集合中</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="354"/>
        <source>No run yet. Start a run or open a run directory.</source>
        <translation>尚无训练。请开始训练或打开一个训练目录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="360"/>
        <source>Round %1 · %2 · epoch %3 · %n images</source>
        <translation>
            <numerusform>第 %1 轮 · %2 · 第 %3 轮次 · %n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="363"/>
        <source>Anchor %1 (label %2), %3 positives</source>
        <translation>锚点 %1（标签 %2），%3 个正样本</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="367"/>
        <source>Proxy confidence %1</source>
        <translation>代理置信度 %1</translation>
    </message>
</context>
<context>
    <name>isl::gui::LogPanel</name>
    <message>
        <location filename="../widgets/log_panel.cpp" line="23"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../widgets/log_panel.cpp" line="23"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>isl::gui::MainWindow</name>
    <message>
        <location filename="../app/studio/main_window.cpp" line="74"/>
        <source>Thumbnails are not available: %1</source>
        <translation>缩略图不可用：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="174"/>
        <source>About ISL Studio</source>
        <translation>关于 ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="175"/>
        <source>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;Watch and steer Instance Similarity Learning training live.</source>
        <translation>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;实时观察并控制实例相似性学习（ISL）的训练。</translation>
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
        <translation>新建训练(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="210"/>
        <source>Choose a data set, backbone and hyperparameters and start training</source>
        <translation>选择数据集、主干网络和超参数并开始训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="211"/>
        <source>&amp;Open run directory…</source>
        <translation>打开训练目录(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="212"/>
        <source>Replay a finished run or follow one that isl-train is writing</source>
        <translation>回放已完成的训练，或跟踪 isl-train 正在写入的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="213"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="214"/>
        <source>Continue the opened run from its last checkpoint, or start a new one</source>
        <translation>从最近的检查点继续已打开的训练，或开始新的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="215"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="216"/>
        <source>Pause training after the current iteration</source>
        <translation>在当前迭代结束后暂停训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="217"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="218"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="219"/>
        <source>Finish the current iteration, write a checkpoint and end the run</source>
        <translation>完成当前迭代，写入检查点并结束训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="220"/>
        <source>&amp;Linear probe</source>
        <translation>线性探测(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="221"/>
        <source>Train a linear classifier on the current features at the next iteration boundary</source>
        <translation>在下一个迭代边界用当前特征训练线性分类器</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="222"/>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="223"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="224"/>
        <source>Curves figure…</source>
        <translation>曲线图…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="225"/>
        <source>3D view image…</source>
        <translation>三维视图图像…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="226"/>
        <source>Inspector montage…</source>
        <translation>检查器拼图…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="227"/>
        <source>Metrics as CSV…</source>
        <translation>指标导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="228"/>
        <source>Embeddings for TensorBoard…</source>
        <translation>用于 TensorBoard 的嵌入…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="229"/>
        <source>Copy of the checkpoint…</source>
        <translation>检查点副本…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="230"/>
        <source>Backbone weights for Python…</source>
        <translation>供 Python 使用的骨干网络权重…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="231"/>
        <source>Reset 3D &amp;view</source>
        <translation>重置三维视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="232"/>
        <source>&amp;About ISL Studio</source>
        <translation>关于 ISL Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="233"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="234"/>
        <source>Recent runs</source>
        <translation>最近的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="235"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="236"/>
        <source>&amp;Run</source>
        <translation>训练(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="237"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="238"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="239"/>
        <source>Run controls</source>
        <translation>训练控制</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="240"/>
        <source>Anchor inspector</source>
        <translation>锚点检查器</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="240"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="240"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="268"/>
        <source>saved settings</source>
        <translation>已保存的设置</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="270"/>
        <source>The last settings could not be restored (%1); using defaults.</source>
        <translation>无法恢复上次的设置（%1）；将使用默认值。</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="284"/>
        <source>Starting a new run in %1</source>
        <translation>正在 %1 中开始新的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="295"/>
        <source>Continuing %1 from its last checkpoint</source>
        <translation>正在从最近的检查点继续 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="332"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="336"/>
        <source>This folder is not a readable run directory.
%1</source>
        <translation>此文件夹不是可读取的训练目录。
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="351"/>
        <source>Open run directory</source>
        <translation>打开训练目录</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="359"/>
        <source>Stopping after the current iteration; a checkpoint will be written.</source>
        <translation>将在当前迭代结束后停止，并写入检查点。</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="370"/>
        <source>The run ended; its checkpoint is in %1</source>
        <translation>训练已结束；检查点位于 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="386"/>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="387"/>
        <source>Stop the run, write a checkpoint and quit?</source>
        <translation>停止训练、写入检查点并退出吗？</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="35"/>
        <location filename="../app/studio/main_window_export.cpp" line="46"/>
        <location filename="../app/studio/main_window_export.cpp" line="94"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="53"/>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="54"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/main_window_export.cpp" line="58"/>
        <source>Saved %n metrics rows to %1</source>
        <translation>
            <numerusform>已将 %n 行指标保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="66"/>
        <source>There is no snapshot to export yet.</source>
        <translation>尚无可导出的快照。</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="67"/>
        <source>Folder for the TensorBoard projector files</source>
        <translation>TensorBoard 投影仪文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="74"/>
        <source>Saved the projector files in %1</source>
        <translation>已将投影仪文件保存到 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="89"/>
        <source>Copy the checkpoint</source>
        <translation>复制检查点</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="90"/>
        <source>LibTorch checkpoint (*.pt)</source>
        <translation>LibTorch 检查点 (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="101"/>
        <source>Backbone weights for Python</source>
        <translation>供 Python 使用的骨干网络权重</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="102"/>
        <source>PyTorch state dict (*.pt)</source>
        <translation>PyTorch 状态字典 (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="106"/>
        <source>Saved %1; open it in Python with torch.load</source>
        <translation>已保存 %1；可在 Python 中用 torch.load 打开</translation>
    </message>
</context>
<context>
    <name>isl::gui::Make</name>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="49"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
</context>
<context>
    <name>isl::gui::PreferencesDialog</name>
    <message>
        <location filename="../widgets/preferences_dialog.cpp" line="11"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../widgets/preferences_dialog.cpp" line="14"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../widgets/preferences_dialog.cpp" line="23"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>isl::gui::RunStatus</name>
    <message>
        <location filename="../widgets/run_status.cpp" line="14"/>
        <source>backbone</source>
        <translation>主干网络</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="15"/>
        <source>proxy GAN</source>
        <translation>代理 GAN</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="16"/>
        <source>mining</source>
        <translation>挖掘</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="17"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="23"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="23"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="71"/>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="72"/>
        <source>stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="76"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="77"/>
        <source>Round %1 · %2 · epoch %3 · %4 backbone epochs</source>
        <translation>第 %1 轮 · %2 · 第 %3 个周期 · 共 %4 个骨干网络周期</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="87"/>
        <source>Round %1/%2 · %3 · epoch %4</source>
        <translation>第 %1/%2 轮 · %3 · 第 %4 轮次</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="90"/>
        <source>epoch %p%</source>
        <translation>轮次 %p%</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="93"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="94"/>
        <source>%1 images/s · %2 left in stage</source>
        <translation>%1 张图像/秒 · 本阶段剩余 %2</translation>
    </message>
</context>
<context>
    <name>isl::gui::SettingsDialog</name>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="32"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="33"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="34"/>
        <source>Schedule</source>
        <translation>训练计划</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="35"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="36"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="37"/>
        <source>Proxy GAN</source>
        <translation>代理 GAN</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="38"/>
        <source>Mining</source>
        <translation>挖掘</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="39"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="40"/>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="56"/>
        <source>New run</source>
        <translation>新建训练</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="84"/>
        <source>built-in MNIST digits</source>
        <translation>内置 MNIST 数字</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="105"/>
        <source>comma-separated whole numbers</source>
        <translation>以逗号分隔的整数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="143"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="145"/>
        <source>Folder for the new run</source>
        <translation>新训练的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="149"/>
        <location filename="../widgets/settings_dialog.cpp" line="186"/>
        <source>Run directory</source>
        <translation>训练目录</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="158"/>
        <source>Create run</source>
        <translation>创建训练</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="185"/>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="186"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
</context>
<context>
    <name>isl::gui::SnapshotTimeline</name>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="20"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="21"/>
        <source>Show each new snapshot as it arrives</source>
        <translation>新快照到达时立即显示</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="22"/>
        <source>Snapshots of the run, one per snapshot interval; drag to replay</source>
        <translation>训练的快照，每个快照间隔一个；拖动以回放</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="25"/>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="110"/>
        <source>Cannot show this snapshot: %1</source>
        <translation>无法显示此快照：%1</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="126"/>
        <source>no snapshot</source>
        <translation>无快照</translation>
    </message>
    <message>
        <location filename="../widgets/snapshot_timeline.cpp" line="129"/>
        <source>epoch %1 · round %2 · %3 of %4</source>
        <translation>第 %1 轮次 · 第 %2 轮 · 第 %3 个，共 %4 个</translation>
    </message>
</context>
</TS>
