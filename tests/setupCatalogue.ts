// The unit tests see the whole catalogue, as the pipeline does (src/config/catalogue/all.ts).
import '../src/config/catalogue/all.ts';
