/** The part of Eleventy's programmatic API that src/cli/build.ts uses (Eleventy ships no TypeScript types). */
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: 'build' | 'serve' | 'watch';
    source?: 'cli' | 'script';
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    setIsVerbose?(verbose: boolean): void;
    disableLogger?(): void;
  }
}
