import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** SHA-256 of a text's UTF-8 bytes, in hex. Pure JS (@noble/hashes): Web Crypto is missing on pages that are not secure contexts. */
export const sha256Hex = (text: string): string => bytesToHex(sha256(utf8ToBytes(text)));
