<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartStyle</name>
    <message>
        <location filename="../widgets/chart_style.cpp" line="28"/>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="29"/>
        <source>instance term</source>
        <translation>实例项</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="30"/>
        <source>set term</source>
        <translation>集合项</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="31"/>
        <source>hard-positive term</source>
        <translation>困难正样本项</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="32"/>
        <source>kNN, memory bank</source>
        <translation>kNN，记忆库</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="33"/>
        <source>kNN, recomputed features</source>
        <translation>kNN，重新计算的特征</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="34"/>
        <source>kNN, recomputed features (evaluated on demand)</source>
        <translation>kNN，重新计算的特征（按需评估）</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="35"/>
        <source>linear probe</source>
        <translation>线性探测</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="36"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="37"/>
        <source>generator loss</source>
        <translation>生成器损失</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="38"/>
        <source>discriminator loss</source>
        <translation>判别器损失</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="39"/>
        <source>confidence in real triplets</source>
        <translation>真实三元组的置信度</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="40"/>
        <source>confidence in proxies</source>
        <translation>代理的置信度</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="41"/>
        <source>mined pairs</source>
        <translation>挖掘的样本对</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="42"/>
        <source>added in the pass</source>
        <translation>本轮新增</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="43"/>
        <source>proxy confidence</source>
        <translation>代理置信度</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="44"/>
        <source>similarity to nearest memory entry</source>
        <translation>与最近记忆条目的相似度</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="45"/>
        <source>ISL sets, all sizes</source>
        <translation>ISL 集合，所有大小</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="46"/>
        <source>Euclidean sets, all sizes</source>
        <translation>欧氏集合，所有大小</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="51"/>
        <source>ISL sets, first %1 members</source>
        <translation>ISL 集合，前 %1 个成员</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="52"/>
        <source>Euclidean sets, %1 nearest members</source>
        <translation>欧氏集合，最近的 %1 个成员</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="88"/>
        <source>Euclidean sets</source>
        <translation>欧氏集合</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="89"/>
        <source>ISL sets</source>
        <translation>ISL 集合</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="93"/>
        <source>precision (share of members with the anchor&apos;s label)</source>
        <translation>精度（与锚点类别相同的成员所占比例）</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="96"/>
        <source>top-1 accuracy (share of test images)</source>
        <translation>Top-1 准确率（测试图像所占比例）</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="98"/>
        <source>backbone epoch</source>
        <translation>主干网络轮次</translation>
    </message>
    <message>
        <location filename="../widgets/chart_style.cpp" line="100"/>
        <source>set size (members counted per anchor)</source>
        <translation>集合大小（每个锚点计入的成员数）</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="25"/>
        <source>Export figure</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="26"/>
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
        <location filename="../widgets/anchor_inspector.cpp" line="205"/>
        <source>Nearest</source>
        <translation>最近邻</translation>
    </message>
    <message>
        <location filename="../widgets/anchor_inspector.cpp" line="208"/>
        <source>Not among the anchors sampled for the Euclidean comparison in this snapshot.</source>
        <translation>不在此快照为欧氏比较抽取的锚点之中。</translation>
    </message>
</context>
<context>
    <name>isl::gui::CommandLine</name>
    <message>
        <location filename="../app/studio/command_line.cpp" line="10"/>
        <source>Trains Instance Similarity Learning and shows what the method does while it trains.</source>
        <translation>训练实例相似性学习（ISL），并在训练过程中展示该方法的运作。</translation>
    </message>
    <message>
        <location filename="../app/studio/command_line.cpp" line="16"/>
        <source>Run directory to open at start: a run to replay, or one that isl-train is writing, to follow.</source>
        <translation>启动时打开的训练目录：可以是要回放的训练，也可以是 isl-train 正在写入、需要跟踪的训练。</translation>
    </message>
    <message>
        <location filename="../app/studio/command_line.cpp" line="24"/>
        <source>Give at most one run directory, not %1: %2</source>
        <translation>最多只能指定一个训练目录，而不是 %1 个：%2</translation>
    </message>
</context>
<context>
    <name>isl::gui::CurvesPanel</name>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>Positive-set precision</source>
        <translation>正样本集合精度</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>kNN accuracy</source>
        <translation>kNN 准确率</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="48"/>
        <source>Mining</source>
        <translation>挖掘</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="48"/>
        <source>Proxy GAN</source>
        <translation>代理 GAN</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="48"/>
        <source>Proxies</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="49"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="50"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="51"/>
        <source>loss / confidence</source>
        <translation>损失 / 置信度</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="51"/>
        <source>pairs</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="51"/>
        <source>confidence / cosine similarity</source>
        <translation>置信度 / 余弦相似度</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="56"/>
        <source>mining pass (all rounds)</source>
        <translation>挖掘轮次（所有轮）</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="55"/>
        <source>GAN epoch (all rounds)</source>
        <translation>GAN 轮次（所有轮）</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>Backbone loss</source>
        <translation>骨干网络损失</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="47"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/curves_panel.cpp" line="123"/>
        <source>%1 = %2 at %3</source>
        <translation>%1 = %2（位于 %3）</translation>
    </message>
</context>
<context>
    <name>isl::gui::EmbeddingView</name>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="132"/>
        <source>Colour by label</source>
        <translation>按标签着色</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="132"/>
        <source>Colour by positive-set size</source>
        <translation>按正样本集合大小着色</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="133"/>
        <source>Colour by the anchor&apos;s positive set</source>
        <translation>按锚点的正样本集合着色</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="135"/>
        <source>What the colour of each point shows. Labels are an evaluation aid only; training never sees them.</source>
        <translation>每个点的颜色所表示的内容。标签仅用于评估，训练从不使用它们。</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="136"/>
        <source>Reset the camera to show every point</source>
        <translation>重置相机以显示所有点</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="398"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="399"/>
        <source>… %n more</source>
        <translation>
            <numerusform>… 另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="400"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="404"/>
        <source>Positive-set size (log)</source>
        <translation>正样本集合大小（对数）</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="406"/>
        <source>Anchor&apos;s positive set</source>
        <translation>锚点的正样本集合</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="406"/>
        <source>anchor</source>
        <translation>锚点</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="407"/>
        <source>positive, same label</source>
        <translation>正样本，标签相同</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="408"/>
        <source>positive, other label</source>
        <translation>正样本，标签不同</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="409"/>
        <source>not in the set</source>
        <translation>不在集合中</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="417"/>
        <source>No run yet. Start a run or open a run directory.</source>
        <translation>尚无训练。请开始训练或打开一个训练目录。</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="423"/>
        <source>Round %1 · %2 · epoch %3 · %n images</source>
        <translation>
            <numerusform>第 %1 轮 · %2 · 第 %3 轮次 · %n 张图像</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="426"/>
        <source>Anchor %1 (label %2), %3 positives</source>
        <translation>锚点 %1（标签 %2），%3 个正样本</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="430"/>
        <source>Proxy confidence %1</source>
        <translation>代理置信度 %1</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="441"/>
        <source>This snapshot cannot place proxies made now (it holds no projection of its own)</source>
        <translation>此快照无法放置当前生成的代理（它不包含自己的投影）</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/embedding_view.cpp" line="443"/>
        <source>%n proxies made now, the best with confidence %1</source>
        <translation>
            <numerusform>当前生成 %n 个代理，最佳代理的置信度为 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="444"/>
        <source>The generator has not been trained yet: these proxies are noise</source>
        <translation>生成器尚未训练：这些代理只是噪声</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="446"/>
        <source>Below the threshold %1: this anchor mines nothing now</source>
        <translation>低于阈值 %1：此锚点当前挖掘不到任何样本</translation>
    </message>
    <message>
        <location filename="../widgets/embedding_view.cpp" line="447"/>
        <source>Mining region: cosine to the best proxy above %1; %2 of its %3 nearest images would join</source>
        <translation>挖掘区域：与最佳代理的余弦相似度高于 %1；其 %3 个最近图像中有 %2 个将加入</translation>
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
        <location filename="../app/studio/main_window_run_actions.cpp" line="53"/>
        <source>Training paused</source>
        <translation>训练已暂停</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="83"/>
        <source>Thumbnails are not available: %1</source>
        <translation>缩略图不可用：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="211"/>
        <source>About ISL Studio</source>
        <translation>关于 ISL Studio</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="212"/>
        <source>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;Watch and steer Instance Similarity Learning training live.</source>
        <translation>&lt;b&gt;ISL Studio&lt;/b&gt;&lt;br&gt;实时观察并控制实例相似性学习（ISL）的训练。</translation>
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
        <translation>新建训练(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="248"/>
        <source>Choose a data set, backbone and hyperparameters and start training</source>
        <translation>选择数据集、主干网络和超参数并开始训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="249"/>
        <source>&amp;Open run directory…</source>
        <translation>打开训练目录(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="250"/>
        <source>Replay a finished run or follow one that isl-train is writing</source>
        <translation>回放已完成的训练，或跟踪 isl-train 正在写入的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="251"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="252"/>
        <source>Continue the opened run from its last checkpoint, or start a new one</source>
        <translation>从最近的检查点继续已打开的训练，或开始新的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="253"/>
        <source>&amp;Continue with changed settings…</source>
        <translation>以更改的设置继续(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="254"/>
        <source>Change the settings that the run&apos;s saved state allows (more rounds or epochs, learning rates, device, …) and continue it from its last checkpoint</source>
        <translation>更改训练的已保存状态所允许的设置（更多轮或轮次、学习率、设备等），并从最近的检查点继续</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="256"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="257"/>
        <source>Pause training after the current iteration</source>
        <translation>在当前迭代结束后暂停训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="258"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="259"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="260"/>
        <source>Finish the current iteration, write a checkpoint and end the run</source>
        <translation>完成当前迭代，写入检查点并结束训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="261"/>
        <source>&amp;Linear probe</source>
        <translation>线性探测(&amp;L)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="262"/>
        <source>Train a linear classifier on the conv5 features and record its accuracy in the run&apos;s metrics: at the next iteration boundary while training, or on the opened run&apos;s last checkpoint</source>
        <translation>在 conv5 特征上训练线性分类器，并将其准确率记录到训练的指标中：训练期间在下一个迭代边界进行，否则基于已打开训练的最近检查点</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="264"/>
        <source>E&amp;valuate</source>
        <translation>评估(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="265"/>
        <source>Evaluate the opened run&apos;s last checkpoint: kNN on the memory bank and on features recomputed without augmentation, and positive-set precision; recorded in its metrics</source>
        <translation>评估已打开训练的最近检查点：基于记忆库和无增强重新计算的特征的 kNN，以及正样本集合精度；记录到其指标中</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="267"/>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="268"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="269"/>
        <source>Curves figure…</source>
        <translation>曲线图…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="270"/>
        <source>3D view image…</source>
        <translation>三维视图图像…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="271"/>
        <source>Inspector montage…</source>
        <translation>检查器拼图…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="272"/>
        <source>Metrics as CSV…</source>
        <translation>指标导出为 CSV…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="273"/>
        <source>Embeddings for TensorBoard…</source>
        <translation>用于 TensorBoard 的嵌入…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="274"/>
        <source>TensorBoard scalars…</source>
        <translation>TensorBoard 标量…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="275"/>
        <source>Write the shown run&apos;s metrics as a TensorBoard event file, to view with tensorboard --logdir</source>
        <translation>将所显示训练的指标写为 TensorBoard 事件文件，可用 tensorboard --logdir 查看</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="276"/>
        <source>Copy of the checkpoint…</source>
        <translation>检查点副本…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="277"/>
        <source>Backbone weights for Python…</source>
        <translation>供 Python 使用的主干网络权重…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="278"/>
        <source>Reset 3D &amp;view</source>
        <translation>重置三维视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="279"/>
        <source>&amp;About ISL Studio</source>
        <translation>关于 ISL Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="280"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="281"/>
        <source>Recent runs</source>
        <translation>最近的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="282"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="283"/>
        <source>&amp;Run</source>
        <translation>训练(&amp;R)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="284"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="285"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="286"/>
        <source>Run controls</source>
        <translation>训练控制</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="287"/>
        <source>Anchor inspector</source>
        <translation>锚点检查器</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="287"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="287"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="321"/>
        <source>saved settings</source>
        <translation>已保存的设置</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="323"/>
        <source>The last settings could not be restored (%1); using defaults.</source>
        <translation>无法恢复上次的设置（%1）；将使用默认值。</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="337"/>
        <source>Starting a new run in %1</source>
        <translation>正在 %1 中开始新的训练</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="26"/>
        <source>Continuing %1 from its last checkpoint with changed settings</source>
        <translation>正在以更改的设置从最近的检查点继续 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="27"/>
        <source>Continuing %1 from its last checkpoint</source>
        <translation>正在从最近的检查点继续 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="54"/>
        <source>Change settings and continue…</source>
        <translation>更改设置并继续…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="55"/>
        <source>Keep it paused</source>
        <translation>保持暂停</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="66"/>
        <source>Linear probe on the last checkpoint of %1…</source>
        <translation>正在对 %1 的最近检查点进行线性探测…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="67"/>
        <source>Evaluating the last checkpoint of %1…</source>
        <translation>正在评估 %1 的最近检查点…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="68"/>
        <source>Linear probe…</source>
        <translation>线性探测…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="68"/>
        <source>Evaluating…</source>
        <translation>正在评估…</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_run_actions.cpp" line="85"/>
        <source>Evaluated: kNN top-1 %1 on the memory bank, %2 on recomputed features; positive-set precision %3 (ISL) vs %4 (Euclidean)</source>
        <translation>评估完成：kNN top-1 在记忆库上为 %1，在重新计算的特征上为 %2；正样本集合精度 %3（ISL）对比 %4（欧氏）</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="380"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="384"/>
        <source>This folder is not a readable run directory.
%1</source>
        <translation>此文件夹不是可读取的训练目录。
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="399"/>
        <source>Open run directory</source>
        <translation>打开训练目录</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="407"/>
        <source>Stopping after the current iteration; a checkpoint will be written.</source>
        <translation>将在当前迭代结束后停止，并写入检查点。</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="418"/>
        <source>The run ended; its checkpoint is in %1</source>
        <translation>训练已结束；检查点位于 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="435"/>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window.cpp" line="436"/>
        <source>Stop the run, write a checkpoint and quit?</source>
        <translation>停止训练、写入检查点并退出吗？</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="38"/>
        <location filename="../app/studio/main_window_export.cpp" line="49"/>
        <location filename="../app/studio/main_window_export.cpp" line="140"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="56"/>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="57"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/studio/main_window_export.cpp" line="61"/>
        <source>Saved %n metrics rows to %1</source>
        <translation>
            <numerusform>已将 %n 行指标保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="68"/>
        <location filename="../app/studio/main_window_export.cpp" line="106"/>
        <source>There is no run to export yet.</source>
        <translation>还没有可导出的运行。</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="71"/>
        <source>Folder for the TensorBoard projector files</source>
        <translation>TensorBoard 投影仪文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="75"/>
        <source>Recompute the features without augmentation (slower)</source>
        <translation>不使用数据增强重新计算特征（较慢）</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="76"/>
        <source>Run the checkpoint&apos;s backbone over the training images instead of exporting the memory bank, which averages augmented views</source>
        <translation>用检查点的骨干网络处理训练图像，而不是导出对增强视图取平均的记忆库</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="90"/>
        <source>Saved the projector files in %1</source>
        <translation>已将投影仪文件保存到 %1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="108"/>
        <source>Folder for the TensorBoard event file</source>
        <translation>TensorBoard 事件文件的文件夹</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="120"/>
        <source>Saved the TensorBoard event file %1; view it with tensorboard --logdir %2</source>
        <translation>已保存 TensorBoard 事件文件 %1；可用 tensorboard --logdir %2 查看</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="122"/>
        <source>The TensorBoard event file could not be written.
%1</source>
        <translation>无法写入 TensorBoard 事件文件。
%1</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="135"/>
        <source>Copy the checkpoint</source>
        <translation>复制检查点</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="136"/>
        <source>LibTorch checkpoint (*.pt)</source>
        <translation>LibTorch 检查点 (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="147"/>
        <source>Backbone weights for Python</source>
        <translation>供 Python 使用的主干网络权重</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="148"/>
        <source>PyTorch state dict (*.pt)</source>
        <translation>PyTorch 状态字典 (*.pt)</translation>
    </message>
    <message>
        <location filename="../app/studio/main_window_export.cpp" line="152"/>
        <source>Saved %1; open it in Python with torch.load</source>
        <translation>已保存 %1；可在 Python 中用 torch.load 打开</translation>
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
        <location filename="../widgets/run_status.cpp" line="15"/>
        <source>backbone</source>
        <translation>主干网络</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="16"/>
        <source>proxy GAN</source>
        <translation>代理 GAN</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="17"/>
        <source>mining</source>
        <translation>挖掘</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="18"/>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="24"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="25"/>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="26"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="26"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="40"/>
        <source>loss %1 · learning rate %2</source>
        <translation>损失 %1 · 学习率 %2</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="43"/>
        <source>generator loss %1</source>
        <translation>生成器损失 %1</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="44"/>
        <source>proxy confidence %1</source>
        <translation>代理置信度 %1</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="93"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="94"/>
        <source>Round %1 · %2 · epoch %3 · %4 backbone epochs</source>
        <translation>第 %1 轮 · %2 · 第 %3 轮次 · 共 %4 个主干网络轮次</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="103"/>
        <source>snapshot %1 of %2</source>
        <translation>第 %1 个快照，共 %2 个</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="128"/>
        <source>Round %1/%2 · %3 · epoch %4</source>
        <translation>第 %1/%2 轮 · %3 · 第 %4 轮次</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="131"/>
        <source>epoch %p%</source>
        <translation>轮次 %p%</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="134"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../widgets/run_status.cpp" line="136"/>
        <source>%1 images/s · %2 left in stage</source>
        <translation>%1 张图像/秒 · 本阶段剩余 %2</translation>
    </message>
</context>
<context>
    <name>isl::gui::SettingTexts</name>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="20"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="21"/>
        <source>Data set format: the built-in MNIST digits, CIFAR-10/100 binary, SVHN .mat, or an image folder in ImageNet layout.</source>
        <translation>数据集格式：内置 MNIST 数字、CIFAR-10/100 二进制文件、SVHN .mat 文件，或 ImageNet 目录结构的图像文件夹。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="22"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="23"/>
        <source>Folder holding the data set files; empty uses the built-in MNIST digits.</source>
        <translation>存放数据集文件的文件夹；留空则使用内置 MNIST 数字。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="24"/>
        <source>Training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="25"/>
        <source>Train on only the first N training images (0 = all), for quick runs.</source>
        <translation>仅使用前 N 张训练图像进行训练（0 = 全部），用于快速试验。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="26"/>
        <source>Test images</source>
        <translation>测试图像数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="27"/>
        <source>Evaluate on only the first N test images (0 = all).</source>
        <translation>仅在前 N 张测试图像上评估（0 = 全部）。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="28"/>
        <source>Backbone</source>
        <translation>主干网络</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="29"/>
        <source>Backbone network.</source>
        <translation>主干网络结构。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="30"/>
        <source>ImageNet stem</source>
        <translation>ImageNet 输入层</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="31"/>
        <source>Use the 224-pixel ImageNet stem instead of the 32-pixel CIFAR one.</source>
        <translation>使用 224 像素的 ImageNet 输入层，而不是 32 像素的 CIFAR 输入层。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="32"/>
        <source>Feature dimension</source>
        <translation>特征维度</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="33"/>
        <source>Dimension D of the L2-normalised features and the memory bank.</source>
        <translation>L2 归一化特征及记忆库的维度 D。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="34"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="35"/>
        <source>isl: mine positives with the proxy GAN; instance: no mining (instance discrimination); euclidean: nearest memory entries with the same set sizes as ISL.</source>
        <translation>isl：用代理 GAN 挖掘正样本；instance：不挖掘（实例判别）；euclidean：取记忆库中最近的条目，集合大小与 ISL 相同。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="36"/>
        <source>Rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="37"/>
        <source>Rounds of backbone training, GAN training and mining.</source>
        <translation>主干网络训练、GAN 训练和挖掘的轮数。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="38"/>
        <source>Backbone epochs</source>
        <translation>主干网络轮次</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="39"/>
        <source>Backbone epochs per round.</source>
        <translation>每轮的主干网络轮次数。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="40"/>
        <source>GAN epochs</source>
        <translation>GAN 轮次</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="41"/>
        <source>Most GAN epochs per round; the early-stop rule usually ends sooner.</source>
        <translation>每轮最多的 GAN 轮次数；提前停止规则通常会使其更早结束。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="42"/>
        <source>Mining passes</source>
        <translation>挖掘遍数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="43"/>
        <source>Most mining passes per round; the pairs-per-image target usually ends sooner.</source>
        <translation>每轮最多的挖掘遍数；达到每张图像的样本对目标后通常会更早结束。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="44"/>
        <source>Least GAN epochs in round 1</source>
        <translation>第 1 轮最少 GAN 轮次</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="45"/>
        <source>Least GAN epochs in the first round.</source>
        <translation>第一轮中 GAN 轮次数的下限。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="46"/>
        <source>Evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="47"/>
        <source>Evaluate (kNN, set precision) every E backbone epochs.</source>
        <translation>每 E 个主干网络轮次评估一次（kNN、集合精度）。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="48"/>
        <source>Snapshot every</source>
        <translation>快照间隔</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="49"/>
        <source>Write a snapshot for the viewer every S epochs.</source>
        <translation>每 S 个轮次为查看器写入一个快照。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="50"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="51"/>
        <source>Images per batch.</source>
        <translation>每批的图像数。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="52"/>
        <source>Random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="53"/>
        <source>Seed of every random draw; the same seed on CPU repeats a run exactly.</source>
        <translation>所有随机抽样的种子；在 CPU 上使用相同的种子可完全重现一次训练。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="54"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="55"/>
        <source>Softmax temperature T over the memory bank.</source>
        <translation>记忆库上 Softmax 的温度 T。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="56"/>
        <source>Memory momentum</source>
        <translation>记忆库动量</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="57"/>
        <source>Memory update momentum eta: M_i &lt;- normalise(eta M_i + (1 - eta) f_i).</source>
        <translation>记忆库更新动量 eta：M_i &lt;- normalise(eta M_i + (1 - eta) f_i)。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="58"/>
        <source>Hard-positive weight</source>
        <translation>困难正样本权重</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="59"/>
        <source>Weight lambda of the hard-positive enhancement term; 0 is ISL without HPE.</source>
        <translation>困难正样本增强（HPE）项的权重 lambda；0 即不带 HPE 的 ISL。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="60"/>
        <source>Hard positive</source>
        <translation>困难正样本</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="61"/>
        <source>Which positive is the hard one: the most similar (authors&apos; code) or the least similar (paper text).</source>
        <translation>以哪个正样本作为困难正样本：最相似的（作者代码）或最不相似的（论文描述）。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="62"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="63"/>
        <source>Backbone SGD learning rate.</source>
        <translation>主干网络的 SGD 学习率。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="64"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="65"/>
        <source>Backbone SGD momentum.</source>
        <translation>主干网络的 SGD 动量。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="66"/>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="67"/>
        <source>Backbone SGD weight decay.</source>
        <translation>主干网络的 SGD 权重衰减。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="68"/>
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="69"/>
        <source>plateau: multiply the rate by lr_factor once kNN accuracy has not gained for more than lr_patience evaluations in a row (PyTorch&apos;s ReduceLROnPlateau); step: x0.1 at 50% and 75% of each round&apos;s epochs.</source>
        <translation>plateau：当 kNN 准确率连续超过 lr_patience 次评估没有提升时，将学习率乘以 lr_factor（PyTorch 的 ReduceLROnPlateau）；step：在每轮 50% 和 75% 的周期处乘以 0.1。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="73"/>
        <source>Evaluations in a row without a gain that the plateau schedule tolerates; the next one lowers the rate.</source>
        <translation>plateau 调度可容忍的连续无提升评估次数；下一次将降低学习率。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="108"/>
        <source>BatchNorm over all processes</source>
        <translation>跨所有进程的 BatchNorm</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="109"/>
        <source>With several processes, BatchNorm normalises over the whole global batch (all ranks&apos; shards) instead of each process&apos;s shard.</source>
        <translation>多进程时，BatchNorm 在整个全局批次（所有进程的分片）上归一化，而不是只在每个进程自己的分片上。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="70"/>
        <source>Plateau factor</source>
        <translation>平台期系数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="71"/>
        <source>Factor of the plateau schedule.</source>
        <translation>plateau 调度的系数。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="72"/>
        <source>Plateau patience</source>
        <translation>平台期耐心</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="74"/>
        <source>GAN learning rate</source>
        <translation>GAN 学习率</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="75"/>
        <source>Adam learning rate of the proxy generator and discriminator.</source>
        <translation>代理生成器和判别器的 Adam 学习率。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="76"/>
        <source>Hardness balance</source>
        <translation>难度平衡</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="77"/>
        <source>Hardness balance lambda_g: larger pushes proxies towards negatives (bolder exploration).</source>
        <translation>难度平衡 lambda_g：值越大，代理越被推向负样本（探索更大胆）。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="78"/>
        <source>Converged generator loss</source>
        <translation>生成器收敛损失</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="79"/>
        <source>Generator loss under which GAN training counts as converged.</source>
        <translation>生成器损失低于此值时，GAN 训练视为已收敛。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="80"/>
        <source>Negative candidates</source>
        <translation>负样本候选数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="81"/>
        <source>K: random non-positives drawn per anchor; the most similar is the triplet&apos;s negative.</source>
        <translation>K：每个锚点随机抽取的非正样本数；其中最相似的作为三元组的负样本。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="82"/>
        <source>Triplet positive</source>
        <translation>三元组正样本</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="83"/>
        <source>The triplet&apos;s positive: the anchor&apos;s own memory entry (authors&apos; code) or a random member of its positive set.</source>
        <translation>三元组的正样本：锚点自身的记忆库条目（作者代码），或其正样本集合中的随机成员。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="84"/>
        <source>Proxies per anchor</source>
        <translation>每个锚点的代理数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="85"/>
        <source>S: triplets (and proxies) sampled per anchor when mining; the most confident proxy is used.</source>
        <translation>S：挖掘时每个锚点采样的三元组（及代理）数；使用置信度最高的代理。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="86"/>
        <source>Confidence threshold</source>
        <translation>置信度阈值</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="87"/>
        <source>theta: a proxy mines only if the discriminator&apos;s confidence exceeds this.</source>
        <translation>theta：仅当判别器的置信度超过此值时，代理才进行挖掘。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="88"/>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="89"/>
        <source>R: cosine-similarity threshold around a fully confident proxy; lower confidence narrows the region.</source>
        <translation>R：完全置信的代理周围的余弦相似度阈值；置信度越低，区域越窄。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="90"/>
        <source>Mining candidates</source>
        <translation>挖掘候选数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="91"/>
        <source>k: nearest memory entries to a proxy that may join the positive set.</source>
        <translation>k：距代理最近、可加入正样本集合的记忆库条目数。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="92"/>
        <source>Pairs per image per round</source>
        <translation>每轮每张图像的样本对数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="93"/>
        <source>Mining in round r stops once mined pairs per image exceed (r + 1) times this.</source>
        <translation>第 r 轮中，当每张图像挖掘到的样本对数超过此值的 (r + 1) 倍时，挖掘停止。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="94"/>
        <source>kNN neighbours</source>
        <translation>kNN 近邻数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="95"/>
        <source>Neighbours of the weighted kNN classifier.</source>
        <translation>加权 kNN 分类器的近邻数。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="96"/>
        <source>kNN temperature</source>
        <translation>kNN 温度</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="97"/>
        <source>Temperature sigma of the kNN vote weights exp(s / sigma).</source>
        <translation>kNN 投票权重 exp(s / sigma) 的温度 sigma。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="98"/>
        <source>Precision set sizes</source>
        <translation>精度集合大小</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="99"/>
        <source>Set sizes at which positive-set precision is compared with Euclidean neighbours (paper Fig. 3).</source>
        <translation>将正样本集合精度与欧氏近邻进行比较时所用的集合大小（论文图 3）。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="100"/>
        <source>Tracked anchors</source>
        <translation>跟踪的锚点数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="101"/>
        <source>Anchors whose proxies each snapshot records for the viewer.</source>
        <translation>每个快照为查看器记录其代理的锚点数。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="102"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="103"/>
        <source>Where to train: cuda when LibTorch has it and a GPU is present (auto), or force cpu / cuda.</source>
        <translation>训练所用的设备：当 LibTorch 支持 CUDA 且有 GPU 时使用 cuda（auto），或强制使用 cpu / cuda。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="104"/>
        <source>Arithmetic precision</source>
        <translation>计算精度</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="105"/>
        <source>Backbone arithmetic: bf16 autocast where the CPU has bf16 units (auto), or force fp32 / bf16. Memory bank, softmax and losses stay fp32.</source>
        <translation>主干网络的运算精度：CPU 具有 bf16 单元时使用 bf16 自动混合精度（auto），或强制使用 fp32 / bf16。记忆库、Softmax 和损失始终为 fp32。</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="106"/>
        <source>Loader threads</source>
        <translation>加载线程数</translation>
    </message>
    <message>
        <location filename="../widgets/setting_texts.cpp" line="107"/>
        <source>Threads preparing batches ahead of the network.</source>
        <translation>提前为网络准备批次的线程数。</translation>
    </message>
</context>
<context>
    <name>isl::gui::SettingsDialog</name>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="34"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="35"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="36"/>
        <source>Schedule</source>
        <translation>训练计划</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="37"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="38"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="39"/>
        <source>Proxy GAN</source>
        <translation>代理 GAN</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="40"/>
        <source>Mining</source>
        <translation>挖掘</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="41"/>
        <source>Evaluation</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="42"/>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="63"/>
        <source>New run</source>
        <translation>新建训练</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="63"/>
        <source>Change settings and continue</source>
        <translation>更改设置并继续</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="91"/>
        <source>built-in MNIST digits</source>
        <translation>内置 MNIST 数字</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="112"/>
        <source>comma-separated whole numbers</source>
        <translation>以逗号分隔的整数</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="148"/>
        <source>Fixed for this run: its saved network, memory bank and positive sets depend on this setting, and changing it would make them meaningless. Start a new run to change it.</source>
        <translation>此训练中固定不变：已保存的网络、记忆库和正样本集合都依赖于此设置，更改它会使它们失去意义。如需更改，请开始新的训练。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="160"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="162"/>
        <source>Folder for the new run</source>
        <translation>新训练的文件夹</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="173"/>
        <location filename="../widgets/settings_dialog.cpp" line="220"/>
        <source>Run directory</source>
        <translation>训练目录</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="182"/>
        <source>Create run</source>
        <translation>创建训练</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="182"/>
        <source>Continue run</source>
        <translation>继续训练</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="187"/>
        <source>The run continues from its last checkpoint with these settings. The greyed-out settings are fixed for this run: its saved state depends on them.</source>
        <translation>训练将以这些设置从最近的检查点继续。灰色的设置在此训练中固定不变：已保存的状态依赖于它们。</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="218"/>
        <location filename="../widgets/settings_dialog.cpp" line="219"/>
        <source>settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../widgets/settings_dialog.cpp" line="220"/>
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
<context>
    <name>isl::gui::TrainingWorker</name>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="86"/>
        <source>No proxies for image %1: %2</source>
        <translation>图像 %1 没有代理：%2</translation>
    </message>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="149"/>
        <source>Evaluation failed: %1</source>
        <translation>评估失败：%1</translation>
    </message>
    <message>
        <location filename="../app/studio/training_worker.cpp" line="160"/>
        <location filename="../app/studio/training_worker.cpp" line="161"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
</context>
</TS>
