import household from '../../../examples/household-images.json';
import grooming from '../../../tests/scenarios/cases/grooming.json';
import quiet from '../../../tests/scenarios/cases/images-quiet.json';
import selfTaken from '../../../tests/scenarios/cases/self-taken-images.json';

/** The snapshots the page offers, all made up: the README's example and the scenario suite's cases. */
export const EXAMPLES: readonly { readonly name: string; readonly snapshot: unknown }[] = [
  { name: 'Images, child in the household (README)', snapshot: household },
  { name: 'Online grooming', snapshot: grooming },
  { name: 'Images, no child at increased likelihood', snapshot: quiet },
  { name: 'Self-taken images', snapshot: selfTaken },
];
