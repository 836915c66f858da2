export declare const NOTICES_PATH: string;
export declare function thirdPartyNotices(root: string): string;
