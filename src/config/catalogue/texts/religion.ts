/** Long texts of the religious diversity layer (src/config/catalogue/religion.ts). */
import { RELIGION_GROUPS } from '../religion.ts';

export const RELIGION_TEXTS: Record<string, string> = {
  'measure.religion.simpson.description':
    'The chance that two residents who answered the religion question, picked at random, gave different answers (counting no religion as an answer): 0 when all gave the same answer, at most 0.875 with eight answers of equal size. Residents who did not answer are left out of the index.',
  ...Object.fromEntries(
    RELIGION_GROUPS.map((group) => [
      `measure.religion_share.${group.id}.description`,
      group.answered
        ? `Usual residents whose answer to the religion question was ${group.label}, as a share of all usual residents, those who did not answer included (Census 2021).`
        : 'Usual residents who did not answer the voluntary religion question, as a share of all usual residents (Census 2021): the part of the population the diversity index leaves out.',
    ]),
  ),
  'layer.religious_diversity.about':
    'The religion question was voluntary, and about 6% of residents in England did not answer it. The index is worked out only over those who answered, so that not answering is not counted as a religion of its own; the share who did not answer is shown beside it, and where it is high the index rests on fewer people. Religions within “Other religion” count as one, so diversity is understated where several smaller religions live together. Diversity is not segregation, and census counts are perturbed slightly by ONS to protect privacy, so small areas’ shares can be off by a person or two.',
  'layer.religious_diversity.description':
    'Simpson’s diversity index over the eight answers to the Census 2021 religion question (no religion and seven religions; 1 − the sum of each answer’s squared share among those who answered), and each category’s share of all residents, “Not answered” included. Classed by national quintiles of each geography.',
};
